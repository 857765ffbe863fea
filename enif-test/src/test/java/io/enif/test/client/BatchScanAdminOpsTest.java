package io.enif.test.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.EnifClientException;
import io.enif.client.EnifScanner;
import io.enif.client.EnifTable;
import io.enif.client.EnifTableNotFoundException;
import io.enif.client.FilterType;
import io.enif.client.FullKey;
import io.enif.client.ItemResult;
import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import io.enif.client.SetItem;
import io.enif.client.SortKeyValue;
import io.enif.client.TableInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The batch calls and their {@code …2} forms, ordered and unordered scanners, and table administration. */
@Timeout(180)
class BatchScanAdminOpsTest extends ClientClusterBase {

    @Test
    void batchCallsAndTheirItemForms() {
        List<SetItem> items = new ArrayList<>();
        List<FullKey> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(new SetItem(b("batch-" + i), b("s"), b("v" + i)));
            keys.add(new FullKey(b("batch-" + i), b("s")));
        }
        table.batchSet(items, TIMEOUT_MS);
        List<byte[]> values = table.batchGet(keys, TIMEOUT_MS);
        assertThat(values).hasSize(30);
        assertThat(s(values.get(17))).isEqualTo("v17");

        List<ItemResult<Void>> setResults = table.batchSet2(
                List.of(new SetItem(b("batch-ttl"), b("s"), b("t"), 80), new SetItem(b("batch-0"), b("s"), b("w"))),
                TIMEOUT_MS);
        assertThat(ItemResult.successCount(setResults)).isEqualTo(2);
        assertThat(table.ttl(b("batch-ttl"), b("s"), TIMEOUT_MS)).isBetween(70, 80);

        List<ItemResult<byte[]>> getResults =
                table.batchGet2(List.of(keys.get(0), new FullKey(b("batch-absent"), b("s"))), TIMEOUT_MS);
        assertThat(getResults).allMatch(ItemResult::isOk);
        assertThat(s(getResults.get(0).value())).isEqualTo("w");
        assertThat(getResults.get(1).value()).isNull();

        table.batchDel(keys.subList(0, 10), TIMEOUT_MS);
        List<ItemResult<Void>> delResults = table.batchDel2(keys.subList(10, 20), TIMEOUT_MS);
        assertThat(ItemResult.successCount(delResults)).isEqualTo(10);
        List<byte[]> after = table.batchGet(keys, TIMEOUT_MS);
        assertThat(after.subList(0, 20)).containsOnlyNulls();
        assertThat(after.subList(20, 30)).doesNotContainNull();
    }

    @Test
    void orderedScannerWalksOneHashKeyInBatches() throws Exception {
        byte[] hk = b("scan-ordered");
        List<SortKeyValue> values = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            values.add(new SortKeyValue(b(String.format("s%03d", i)), b("v" + i)));
        }
        table.multiSet(hk, values.subList(0, 125), 0, TIMEOUT_MS);
        table.multiSet(hk, values.subList(125, 250), 0, TIMEOUT_MS);

        List<String> seen = new ArrayList<>();
        try (EnifScanner scanner = table.getScanner(
                hk, b("s010"), b("s200"), ScanOptions.defaults().withBatchSize(40))) {
            ScanRecord record;
            while ((record = scanner.next()) != null) {
                assertThat(s(record.hashKey())).isEqualTo("scan-ordered");
                seen.add(s(record.sortKey()));
            }
        }
        assertThat(seen).hasSize(190).isSorted().startsWith("s010").endsWith("s199");

        ScanOptions filtered = ScanOptions.defaults()
                .withInclusive(false, true)
                .withSortKeyFilter(FilterType.MATCH_POSTFIX, b("5"))
                .withNoValue(true);
        int count = 0;
        try (EnifScanner scanner = table.getScanner(hk, b("s005"), b("s245"), filtered)) {
            while (scanner.hasNext()) {
                ScanRecord record = scanner.asyncNext().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(s(record.sortKey())).endsWith("5");
                assertThat(record.value()).isEmpty();
                count++;
            }
        }
        assertThat(count).as("s015 .. s245, start excluded, stop included").isEqualTo(24);
    }

    @Test
    void unorderedScannersCoverTheWholeTableOnce() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            table.set(b("unordered-" + i), b("s"), b("v"), TIMEOUT_MS);
            written.add("unordered-" + i);
        }
        ScanOptions onlyOurs =
                ScanOptions.defaults().withBatchSize(17).withHashKeyFilter(FilterType.MATCH_PREFIX, b("unordered-"));
        List<EnifScanner> scanners = table.getUnorderedScanners(3, onlyOurs);
        assertThat(scanners).hasSize(3);
        List<String> seen = new ArrayList<>();
        for (EnifScanner scanner : scanners) {
            try (scanner) {
                ScanRecord record;
                while ((record = scanner.next()) != null) {
                    seen.add(s(record.hashKey()));
                }
            }
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(written);
        assertThat(table.getUnorderedScanners(100, ScanOptions.defaults()))
                .as("one scanner per partition at most")
                .hasSize(8);
    }

    @Test
    void createListDropThreeReplicaTables() {
        Map<String, String> envs = Map.of("rocksdb.usage_scenario", "normal");
        client.createApp("client_admin", 4, 3, envs, WAIT.toMillis(), false);
        assertThat(client.isAppHealthy("client_admin", 3)).isTrue();
        TableInfo info = client.listApps().stream()
                .filter(t -> t.name().equals("client_admin"))
                .findFirst()
                .orElseThrow();
        assertThat(info.partitionCount()).isEqualTo(4);
        assertThat(info.replicaCount()).isEqualTo(3);
        assertThat(info.status()).isEqualTo("AS_AVAILABLE");
        assertThat(client.listApps()).extracting(TableInfo::name).contains(TABLE);

        // Creating it again succeeds when asked to with the same options (envs included, as Pegasus compares them),
        // is refused with other options, and fails with ERR_APP_EXIST when not asked to succeed.
        client.createApp("client_admin", 4, 3, envs, WAIT.toMillis(), true);
        assertThatThrownBy(() -> client.createApp("client_admin", 4, 3, Map.of(), WAIT.toMillis(), true))
                .isInstanceOf(EnifClientException.class)
                .hasMessageContaining("ERR_INVALID_PARAMETERS");
        assertThatThrownBy(() -> client.createApp("client_admin", 4, 3, envs, WAIT.toMillis(), false))
                .isInstanceOf(EnifClientException.class)
                .hasMessageContaining("ERR_APP_EXIST");

        EnifTable created = client.openTable("client_admin");
        assertThat(created.partitionCount()).isEqualTo(4);
        created.set(b("h"), b("s"), b("v"), TIMEOUT_MS);
        assertThat(s(created.get(b("h"), b("s"), TIMEOUT_MS))).isEqualTo("v");

        client.dropApp("client_admin", 60);
        assertThat(client.listApps()).extracting(TableInfo::name).doesNotContain("client_admin");
        assertThat(client.listApps(false))
                .filteredOn(t -> t.name().equals("client_admin"))
                .singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("AS_DROPPED"));
        assertThatThrownBy(() -> client.isAppHealthy("client_admin", 3)).isInstanceOf(EnifTableNotFoundException.class);
        client.dropApp("client_admin", 60); // dropping an absent table succeeds
    }

    @Test
    void openingAnAbsentTableFailsClearly() {
        assertThatThrownBy(() -> client.openTable("no_such_table"))
                .isInstanceOf(EnifTableNotFoundException.class)
                .hasMessageContaining("no_such_table");
    }
}
