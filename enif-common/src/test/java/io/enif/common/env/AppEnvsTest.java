package io.enif.common.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AppEnvsTest {
    /** spec/ops-tables.md §1.3, the registry table, verbatim key column. */
    private static final String SPEC_1_3 = """
            business.info default_ttl manual_compact.disabled manual_compact.max_concurrent_running_count
            manual_compact.once.trigger_time manual_compact.once.target_level
            manual_compact.once.bottommost_level_compaction manual_compact.periodic.trigger_time
            manual_compact.periodic.target_level manual_compact.periodic.bottommost_level_compaction
            replica.backup_request_throttling replica.deny_client_request replica.read_throttling
            replica.read_throttling_by_size replica.rocksdb_block_cache_enabled
            replica.rocksdb_iteration_threshold_time_ms replica.slow_query_threshold
            replica.split.validate_partition_hash replica.write_throttling replica.write_throttling_by_size
            replica_access_controller.allowed_users replica_access_controller.ranger_policies
            rocksdb.allow_ingest_behind rocksdb.checkpoint.reserve_min_count
            rocksdb.checkpoint.reserve_time_seconds rocksdb.num_levels rocksdb.usage_scenario
            rocksdb.write_buffer_size user_specified_compaction
            """;

    @Test
    void operatorKeysAreExactlyTheSpecRegistry() {
        List<String> spec = Arrays.asList(SPEC_1_3.trim().split("\\s+"));
        assertThat(spec).hasSize(29);
        List<String> operatorKeys = AppEnvs.all().values().stream()
                .filter(key -> !key.internal())
                .map(AppEnvKey::name)
                .toList();
        assertThat(operatorKeys).containsExactlyInAnyOrderElementsOf(spec);
    }

    @Test
    void theMetaWrittenDuplicationKeysAreKnownAndInternal() {
        assertThat(AppEnvs.all().values().stream().filter(AppEnvKey::internal).map(AppEnvKey::name))
                .containsExactlyInAnyOrder(
                        "duplication.master_cluster",
                        "duplication.master_metas",
                        "duplication.master_app_name",
                        "duplication.follower_app_status");
    }

    @Test
    void registryIsSortedByNameLikeEnvsList() {
        assertThat(List.copyOf(AppEnvs.all().keySet())).isSorted();
    }

    @Test
    void everySampleIsAcceptedByItsOwnKey() {
        for (AppEnvKey key : AppEnvs.all().values()) {
            assertThat(key.problem(key.sample())).as(key.name()).isEmpty();
        }
    }

    @Test
    void everyLiteralDefaultIsAcceptedByItsOwnKey() {
        for (AppEnvKey key : AppEnvs.all().values()) {
            if (key.defaultValue() != null) {
                assertThat(key.problem(key.defaultValue())).as(key.name()).isEmpty();
            }
        }
    }

    @Test
    void typesAndDefaultsOfRepresentativeKeys() {
        assertThat(AppEnvs.DEFAULT_TTL.type()).isEqualTo(EnvValueType.INT32);
        assertThat(AppEnvs.DEFAULT_TTL.defaultValue()).isEqualTo("0");
        assertThat(AppEnvs.SLOW_QUERY_THRESHOLD.type()).isEqualTo(EnvValueType.INT64);
        assertThat(AppEnvs.SLOW_QUERY_THRESHOLD.limitation()).isEqualTo(">= 20");
        assertThat(AppEnvs.ROCKSDB_USAGE_SCENARIO.defaultValue()).isEqualTo("normal");
        assertThat(AppEnvs.MANUAL_COMPACT_DISABLED.type()).isEqualTo(EnvValueType.BOOL);
        assertThat(AppEnvs.MANUAL_COMPACT_DISABLED.defaultValue()).isEqualTo("false");
        assertThat(AppEnvs.WRITE_THROTTLING.limitation()).isEqualTo("<size[K|M]>*<delay|reject>*<milliseconds>");
        assertThat(EnvValueType.INT32.jsonName()).isEqualTo("unsigned int32");
    }

    @Test
    void unknownNamesAreNotFound() {
        assertThat(AppEnvs.find("foo.bar")).isEmpty();
        assertThat(AppEnvs.find("max_replica_count.update")).isEmpty();
        assertThat(AppEnvs.find("Default_TTL")).as("names are case-sensitive").isEmpty();
        assertThat(AppEnvs.find("default_ttl")).contains(AppEnvs.DEFAULT_TTL);
    }
}
