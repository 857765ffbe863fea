package io.enif.common.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class AppEnvValidatorTest {

    private static Optional<EnvViolation> check(String key, String value) {
        return AppEnvValidator.check(key, value);
    }

    @Test
    void unknownKeyIsRefusedNamingKeyAndValue() {
        Optional<EnvViolation> violation = check("foo.bar", "1");
        assertThat(violation).isPresent();
        assertThat(violation.get().unknownKey()).isTrue();
        assertThat(violation.get().message()).isEqualTo("app_env 'foo.bar' is not supported (value '1')");
    }

    @Test
    void internalDuplicationKeysAreAccepted() {
        assertThat(check("duplication.master_cluster", "bjsrv")).isEmpty();
        assertThat(check("duplication.follower_app_status", "creating")).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} accepted")
    @CsvSource({
        // bool
        "manual_compact.disabled, true",
        "manual_compact.disabled, FALSE",
        "rocksdb.allow_ingest_behind, True",
        "replica.rocksdb_block_cache_enabled, false",
        "replica.split.validate_partition_hash, true",
        // int32
        "default_ttl, 0",
        "default_ttl, 86400",
        "default_ttl, 2147483647",
        "manual_compact.max_concurrent_running_count, 0",
        "rocksdb.checkpoint.reserve_min_count, 1",
        "rocksdb.checkpoint.reserve_time_seconds, 0",
        // int64
        "replica.slow_query_threshold, 20",
        "replica.rocksdb_iteration_threshold_time_ms, 0",
        "manual_compact.once.trigger_time, 1700000000",
        "manual_compact.once.target_level, -1",
        "manual_compact.periodic.target_level, 1",
        "rocksdb.num_levels, 1",
        "rocksdb.num_levels, 10",
        "rocksdb.write_buffer_size, 16777216",
        "rocksdb.write_buffer_size, 536870912",
        // enumerations and grammars
        "rocksdb.usage_scenario, bulk_load",
        "rocksdb.usage_scenario, prefer_write",
        "manual_compact.once.bottommost_level_compaction, force",
        "manual_compact.periodic.bottommost_level_compaction, skip",
        "manual_compact.periodic.trigger_time, '3:00,21:00'",
        "replica.deny_client_request, reconfig*read",
        "replica.write_throttling, '1000*delay*100,2000*reject*200'",
        "replica.read_throttling, 400*reject*0",
        "replica.write_throttling_by_size, 100K*reject*0",
        "replica.backup_request_throttling, 2M*reject*0",
        "replica.read_throttling_by_size, 200K",
        // free text
        "business.info, 'owner=ads; tier 1'",
        "user_specified_compaction, '{\"ops\":[]}'",
        "replica_access_controller.allowed_users, 'alice,bob'",
    })
    void acceptedValues(String key, String value) {
        assertThat(check(key, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} refused")
    @CsvSource({
        // bool
        "manual_compact.disabled, yes",
        "rocksdb.allow_ingest_behind, 1",
        "replica.rocksdb_block_cache_enabled, ''",
        // int32: type and limits
        "default_ttl, abc",
        "default_ttl, -1",
        "default_ttl, 2147483648",
        "default_ttl, ' 10'",
        "manual_compact.max_concurrent_running_count, -1",
        "rocksdb.checkpoint.reserve_min_count, 0",
        "rocksdb.checkpoint.reserve_time_seconds, -5",
        // int64: type and limits
        "replica.slow_query_threshold, 10",
        "replica.slow_query_threshold, 19",
        "replica.slow_query_threshold, 1.5",
        "replica.rocksdb_iteration_threshold_time_ms, -1",
        "manual_compact.once.trigger_time, 0",
        "manual_compact.once.target_level, 0",
        "manual_compact.periodic.target_level, -2",
        "rocksdb.num_levels, 0",
        "rocksdb.num_levels, 11",
        "rocksdb.write_buffer_size, 16777215",
        "rocksdb.write_buffer_size, 536870913",
        "rocksdb.write_buffer_size, 99999999999999999999",
        // enumerations and grammars
        "rocksdb.usage_scenario, fast",
        "rocksdb.usage_scenario, Normal",
        "manual_compact.once.bottommost_level_compaction, always",
        "manual_compact.periodic.trigger_time, 25:00",
        "replica.deny_client_request, timeout*none",
        "replica.write_throttling, abc",
        "replica.write_throttling, 100*drop*10",
        "replica.read_throttling_by_size, 0",
    })
    void refusedValues(String key, String value) {
        Optional<EnvViolation> violation = check(key, value);
        assertThat(violation).isPresent();
        assertThat(violation.get().unknownKey()).isFalse();
        assertThat(violation.get().message()).contains("'" + key + "'").contains("'" + value + "'");
    }

    @Test
    void limitViolationHintSaysTheLimit() {
        assertThat(check("replica.slow_query_threshold", "10").orElseThrow().message())
                .isEqualTo("invalid value '10' for app_env 'replica.slow_query_threshold': should be >= 20");
        assertThat(check("default_ttl", "abc").orElseThrow().hint()).isEqualTo("should be a 32-bit integer");
        assertThat(check("rocksdb.usage_scenario", "fast").orElseThrow().hint())
                .isEqualTo("should be one of normal | prefer_write | bulk_load");
    }

    @Test
    void nullValueIsRefused() {
        assertThat(check("business.info", null)).isPresent();
    }

    @Test
    void requireValidIsAllOrNothingAndNamesTheFirstBadPair() {
        Map<String, String> envs = Map.of("rocksdb.usage_scenario", "bulk_load", "default_ttl", "abc");
        assertThatThrownBy(() -> AppEnvValidator.requireValid(envs))
                .isInstanceOfSatisfying(InvalidAppEnvException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.getMessage()).contains("default_ttl").contains("abc");
                });
    }

    @Test
    void checkAllListsEveryBadPairInKeyOrder() {
        Map<String, String> envs = Map.of(
                "zzz.unknown", "1",
                "default_ttl", "-3",
                "rocksdb.num_levels", "6");
        assertThat(AppEnvValidator.checkAll(envs))
                .extracting(EnvViolation::key)
                .containsExactly("default_ttl", "zzz.unknown");
    }

    @Test
    void acceptableMapPasses() {
        AppEnvValidator.requireValid(Map.of("rocksdb.usage_scenario", "bulk_load", "default_ttl", "3600"));
        assertThat(AppEnvValidator.checkAll(Map.of())).isEmpty();
    }
}
