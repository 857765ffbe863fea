package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.fake.Fault;
import io.enif.common.error.ErrorCode;
import io.enif.proto.rrdb.scan_response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ordered and unordered scanners: batches, bounds, filters, partitions, a lost context, failures. */
@Timeout(60)
class ScannerTest extends ClientTestBase {
    private static final String GET_SCANNER = "RPC_RRDB_RRDB_GET_SCANNER";
    private static final String SCAN = "RPC_RRDB_RRDB_SCAN";

    private void fill(String hashKey, int count) {
        List<SortKeyValue> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(new SortKeyValue(b(String.format("%02d", i)), b(hashKey + i)));
        }
        table.multiSet(b(hashKey), values, 0, TIMEOUT);
    }

    private static List<String> drain(EnifScanner scanner) {
        List<String> sortKeys = new ArrayList<>();
        for (ScanRecord r = scanner.next(); r != null; r = scanner.next()) {
            sortKeys.add(s(r.sortKey()));
        }
        return sortKeys;
    }

    @Test
    void orderedScanWalksBatchesInSortKeyOrder() {
        fill("s1", 10);
        ScanOptions small = ScanOptions.defaults().withBatchSize(3);
        int scansBefore = replicaRequests(SCAN);

        try (EnifScanner scanner = table.getScanner(b("s1"), null, null, small)) {
            ScanRecord first = scanner.next();
            assertThat(s(first.hashKey())).isEqualTo("s1");
            assertThat(s(first.sortKey())).isEqualTo("00");
            assertThat(s(first.value())).isEqualTo("s10");
            assertThat(drain(scanner)).containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09");
            assertThat(scanner.next()).isNull();
        }
        assertThat(replicaRequests(SCAN) - scansBefore).isGreaterThanOrEqualTo(3);
    }

    @Test
    void orderedScanHonoursBoundsPrefixFilterAndNoValue() {
        fill("s2", 20);
        ScanOptions o = ScanOptions.defaults();

        assertThat(drain(table.getScanner(b("s2"), b("05"), b("08"), o))).containsExactly("05", "06", "07");
        assertThat(drain(table.getScanner(b("s2"), b("05"), b("08"), o.withInclusive(false, true))))
                .containsExactly("06", "07", "08");
        assertThat(drain(table.getScanner(b("s2"), null, null, o.withSortKeyFilter(FilterType.MATCH_PREFIX, b("1")))))
                .hasSize(10)
                .allMatch(k -> k.startsWith("1"));
        try (EnifScanner keysOnly = table.getScanner(b("s2"), b("19"), null, o.withNoValue(true))) {
            assertThat(keysOnly.next().value()).isEmpty();
        }
    }

    @Test
    void anEmptyRangeSendsNothing() {
        int before = replicaRequests(GET_SCANNER);

        assertThat(table.getScanner(b("s3"), b("b"), b("a"), null).next()).isNull();
        assertThat(table.getScanner(b("s3"), b("a"), b("a"), null).next()).isNull();
        assertThat(replicaRequests(GET_SCANNER)).isEqualTo(before);
    }

    @Test
    void unorderedScannersSplitThePartitionsAndSeeEveryRecord() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            table.set(b("u" + i), b("s"), b("v"), TIMEOUT);
            written.add("u" + i);
        }
        ScanOptions o = ScanOptions.defaults().withBatchSize(4).withHashKeyFilter(FilterType.MATCH_PREFIX, b("u"));

        List<EnifScanner> scanners = table.getUnorderedScanners(3, o);

        assertThat(scanners).hasSize(3);
        Set<String> seen = new HashSet<>();
        for (EnifScanner scanner : scanners) {
            for (ScanRecord r = scanner.next(); r != null; r = scanner.next()) {
                assertThat(seen.add(s(r.hashKey()))).as("no record twice").isTrue();
            }
            scanner.close();
        }
        assertThat(seen).isEqualTo(written);
        assertThat(table.getUnorderedScanners(100, o)).hasSize(8);
    }

    @Test
    void aLostContextIsReopenedAfterTheLastKey() {
        fill("s4", 9);
        for (var replica : cluster.replicas()) {
            replica.faults().next(SCAN, Fault.respond(ScannerTest::contextLost));
        }
        ScanOptions o = ScanOptions.defaults().withBatchSize(3);
        int opensBefore = replicaRequests(GET_SCANNER);

        List<String> keys = drain(table.getScanner(b("s4"), null, null, o));

        assertThat(keys).containsExactly("00", "01", "02", "03", "04", "05", "06", "07", "08");
        assertThat(replicaRequests(GET_SCANNER) - opensBefore).isEqualTo(2);
    }

    private static scan_response contextLost() {
        scan_response r = new scan_response();
        r.error = 1;
        r.kvs = new ArrayList<>();
        r.context_id = -1;
        r.server = "fake";
        return r;
    }

    @Test
    void anIncompleteResultFailsTheScannerAfterItsRecords() {
        fill("s5", 6);
        for (var replica : cluster.replicas()) {
            replica.faults().next(SCAN, Fault.respond(() -> {
                scan_response r = contextLost();
                r.error = 7;
                return r;
            }));
        }
        EnifScanner scanner =
                table.getScanner(b("s5"), null, null, ScanOptions.defaults().withBatchSize(2));

        assertThat(s(scanner.next().sortKey())).isEqualTo("00");
        assertThat(s(scanner.next().sortKey())).isEqualTo("01");
        assertThatThrownBy(scanner::next)
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("incomplete");
        assertThatThrownBy(scanner::next).isInstanceOf(EnifServerException.class);
    }

    @Test
    void anRpcFailureFailsOneCallAndTheNextOneRetries() {
        fill("s6", 4);
        for (var replica : cluster.replicas()) {
            replica.faults().always(GET_SCANNER, Fault.error(ErrorCode.ERR_BUSY));
        }
        EnifScanner scanner = table.getScanner(b("s6"), null, null, null);

        assertThatThrownBy(scanner::next)
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("ERR_BUSY");
        clearFaults();
        assertThat(drain(scanner)).containsExactly("00", "01", "02", "03");
    }

    @Test
    void asyncNextHasNextAndCloseFreeTheContext() throws Exception {
        fill("s7", 5);
        EnifScanner scanner =
                table.getScanner(b("s7"), null, null, ScanOptions.defaults().withBatchSize(2));

        assertThat(scanner.hasNext()).isTrue();
        assertThat(s(scanner.next().sortKey())).isEqualTo("00");
        assertThat(s(scanner.asyncNext().get(5, TimeUnit.SECONDS).sortKey())).isEqualTo("01");
        int clearsBefore = replicaRequests("RPC_RRDB_RRDB_CLEAR_SCANNER");
        scanner.close();

        assertThat(scanner.next()).isNull();
        assertThat(Eventually.holds(
                        Duration.ofSeconds(5), () -> replicaRequests("RPC_RRDB_RRDB_CLEAR_SCANNER") > clearsBefore))
                .isTrue();
        assertThat(replicaRequests("RPC_RRDB_RRDB_CLEAR_SCANNER")).isEqualTo(clearsBefore + 1);
    }
}
