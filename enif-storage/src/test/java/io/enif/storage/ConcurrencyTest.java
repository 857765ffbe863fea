package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.update_request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads from many threads while the lane writes, and while the store closes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest extends StoreTestBase {

    @Test
    void readersSeeOnlyWholeMutationsWhileTheLaneWrites() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread reader = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        // every mutation writes both "a" and "b" of one hash key with the same value
                        multi_get_response r = store.multiGet(rangeRequest("pair"));
                        assertThat(r.error).isZero();
                        if (!r.kvs.isEmpty()) {
                            assertThat(r.kvs).hasSize(2);
                            assertThat(str(r.kvs.get(0).value)).isEqualTo(str(r.kvs.get(1).value));
                        }
                        read_response g = store.get(key("counter", "c"));
                        assertThat(g.error).isIn(RocksStatus.OK, RocksStatus.NOT_FOUND);
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int i = 0; i < 2000; i++) {
            writeAll(List.of(
                    new WriteRequest.Put(new update_request(key("pair", "a"), b("v" + i), 0)),
                    new WriteRequest.Put(new update_request(key("pair", "b"), b("v" + i), 0)),
                    new WriteRequest.Put(new update_request(key("counter", "c"), b(String.valueOf(i)), 0))));
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(get("counter", "c")).isEqualTo("1999");
    }

    @Test
    void readsRacingWithCloseEitherCompleteOrSeeAClosedStore() throws Exception {
        for (int i = 0; i < 50; i++) {
            put("h", "k" + i, "v");
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                started.countDown();
                try {
                    while (true) {
                        get_scanner_request scan = new get_scanner_request();
                        scan.start_key = new blob(new byte[] {0, 0});
                        scan.stop_key = new blob(new byte[] {-1, -1});
                        scan.start_inclusive = true;
                        scan.batch_size = 7;
                        scan_response page = store.getScanner(scan);
                        while (page.context_id >= 0) {
                            page = store.scan(new scan_request(page.context_id));
                        }
                        store.sortkeyCount(b("h"));
                    }
                } catch (IllegalStateException closed) {
                    // the store closed under us: expected
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        store.close();
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(reader.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        store = null;
    }
}
