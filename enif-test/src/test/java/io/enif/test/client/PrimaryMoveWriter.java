package io.enif.test.client;

import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.EnifTable;
import io.enif.client.EnifUnknownOutcomeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client-side writer for the re-routing test: on one hash key (so one partition) it loops over a set of a fresh
 * sort key, an incr of one counter and a check_and_set that creates a fresh sort key only if it does not exist. It
 * records what was acknowledged, what ended with an unknown outcome, and any other failure; and every check_and_set
 * that found its key already present, which would prove that a write the client retried had been applied before.
 */
final class PrimaryMoveWriter implements Runnable {
    static final byte[] COUNTER = "counter".getBytes(StandardCharsets.UTF_8);

    private final EnifTable table;
    private final byte[] hashKey;
    private final int timeoutMillis;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    final AtomicInteger round = new AtomicInteger();
    final List<Integer> ackedSets = new CopyOnWriteArrayList<>();
    final AtomicInteger ackedIncrs = new AtomicInteger();
    final AtomicInteger unknownIncrs = new AtomicInteger();
    final List<Integer> ackedCas = new CopyOnWriteArrayList<>();
    final List<Integer> unknownCas = new CopyOnWriteArrayList<>();
    final List<Integer> casFoundExisting = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    PrimaryMoveWriter(EnifTable table, byte[] hashKey, int timeoutMillis) {
        this.table = table;
        this.hashKey = hashKey;
        this.timeoutMillis = timeoutMillis;
        this.thread = new Thread(this, "primary-move-writer");
        thread.setDaemon(true);
    }

    PrimaryMoveWriter start() {
        thread.start();
        return this;
    }

    void stop() throws InterruptedException {
        stop.set(true);
        thread.join(timeoutMillis * 4L);
    }

    static byte[] setKey(int i) {
        return ("set-" + i).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] casKey(int i) {
        return ("cas-" + i).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void run() {
        for (int i = 0; !stop.get(); i++) {
            round.set(i);
            byte[] value = ("v" + i).getBytes(StandardCharsets.UTF_8);
            try {
                table.set(hashKey, setKey(i), value, timeoutMillis);
                ackedSets.add(i);
            } catch (RuntimeException e) {
                failures.add("set " + i + ": " + e);
            }
            try {
                table.incr(hashKey, COUNTER, 1, timeoutMillis);
                ackedIncrs.incrementAndGet();
            } catch (EnifUnknownOutcomeException e) {
                unknownIncrs.incrementAndGet();
            } catch (RuntimeException e) {
                failures.add("incr " + i + ": " + e);
            }
            try {
                CheckAndSetResult result = table.checkAndSet(
                        hashKey,
                        casKey(i),
                        CheckType.VALUE_NOT_EXIST,
                        null,
                        casKey(i),
                        value,
                        CheckAndSetOptions.defaults(),
                        timeoutMillis);
                (result.setSucceed() ? ackedCas : casFoundExisting).add(i);
            } catch (EnifUnknownOutcomeException e) {
                unknownCas.add(i);
            } catch (RuntimeException e) {
                failures.add("check_and_set " + i + ": " + e);
            }
        }
    }
}
