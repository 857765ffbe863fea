package io.enif.meta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.TableState;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.meta_function_level;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(10)
class CreateAppTest {

    private MetaFixture meta;

    @BeforeEach
    void setUp() {
        meta = new MetaFixture();
        meta.elect();
    }

    private static ErrorCode err(configuration_create_app_response response) {
        return response.getErr().code();
    }

    @Test
    void createsATableWithNewIdsAndEmptyPartitions() {
        configuration_create_app_response first = meta.create("temp", 8, 3);
        configuration_create_app_response second = meta.create("stat", 4, 3);

        assertThat(err(first)).isEqualTo(ErrorCode.ERR_OK);
        assertThat(first.getAppid()).isEqualTo(1);
        assertThat(second.getAppid()).isEqualTo(2);
        TableState temp = meta.store.load().state().table(1).orElseThrow();
        assertThat(temp.info().appName()).isEqualTo("temp");
        assertThat(temp.info().status()).isEqualTo(AppStatus.AS_AVAILABLE);
        assertThat(temp.partitions()).hasSize(8).allMatch(pc -> pc.ballot() == 0 && pc.memberCount() == 0);
        assertThat(meta.leader().orElseThrow().cluster)
                .isEqualTo(meta.store.load().state());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("zero partitions", "t", 0, 3, Map.of()),
                Arguments.of("negative partitions", "t", -8, 3, Map.of()),
                Arguments.of("not a power of two", "t", 6, 3, Map.of()),
                Arguments.of("replica count 0", "t", 8, 0, Map.of()),
                Arguments.of("replica count above max_allowed", "t", 8, 6, Map.of()),
                Arguments.of("empty name", "", 8, 3, Map.of()),
                Arguments.of("name with a space", "my table", 8, 3, Map.of()),
                Arguments.of("name with a slash", "a/b", 8, 3, Map.of()),
                Arguments.of("unknown env key", "t", 8, 3, Map.of("no.such.env", "1")),
                Arguments.of("bad env value", "t", 8, 3, Map.of("default_ttl", "abc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGetsInvalidParametersAndChangesNothing(
            String why, String name, int partitions, int replicas, Map<String, String> envs) {
        meta.create("existing", 4, 3);
        var before = meta.store.load().state();
        int writes = meta.store.writes().size();

        configuration_create_app_response response = meta.create(name, partitions, replicas, envs, false);

        assertThat(err(response)).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(meta.store.load().state()).isEqualTo(before);
        assertThat(meta.store.writes()).hasSize(writes);
        assertThat(meta.create("next", 4, 3).getAppid()).isEqualTo(2);
    }

    @Test
    void anExistingNameIsAppExistUnlessSuccessIfExist() {
        meta.create("temp", 8, 3, Map.of("default_ttl", "100"), false);
        int writes = meta.store.writes().size();

        assertThat(err(meta.create("temp", 8, 3))).isEqualTo(ErrorCode.ERR_APP_EXIST);
        configuration_create_app_response same = meta.create("temp", 8, 3, Map.of("default_ttl", "100"), true);
        assertThat(err(same)).isEqualTo(ErrorCode.ERR_OK);
        assertThat(same.getAppid()).isEqualTo(1);
        assertThat(err(meta.create("temp", 16, 3, Map.of("default_ttl", "100"), true)))
                .isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(meta.store.writes()).hasSize(writes);
    }

    @Test
    void validEnvsAreStoredWithTheTable() {
        meta.create("t", 4, 3, Map.of("default_ttl", "86400", "replica.deny_client_request", "timeout*all"), false);

        assertThat(meta.store.load().state().table(1).orElseThrow().info().envs())
                .containsEntry("default_ttl", "86400");
    }

    @Test
    void creationIsRefusedWhileFrozen() {
        meta.queries.controlMeta(new configuration_meta_control_request(meta_function_level.fl_freezed));

        assertThat(err(meta.create("t", 4, 3))).isEqualTo(ErrorCode.ERR_STATE_FREEZED);
        assertThat(meta.store.load().state().allTables()).isEmpty();
    }

    @Test
    void tooFewAliveNodesFreezeCreation() {
        MetaFixture strict = new MetaFixture(MetaFixture.config(MetaLevelConfig.defaults(), List.of()));
        strict.elect();

        assertThat(err(strict.create("t", 4, 3))).isEqualTo(ErrorCode.ERR_STATE_FREEZED);
        for (int i = 1; i <= 3; i++) {
            strict.beacon(new HostPort("127.0.0.1", 34800 + i));
        }
        assertThat(err(strict.create("t", 4, 3))).isEqualTo(ErrorCode.ERR_OK);
    }

    @Test
    void bootstrapTablesAreCreatedOnlyInAnEmptyCluster() {
        List<BootstrapTable> bootstrap = List.of(
                new BootstrapTable("temp", "pegasus", 8, 3, true), new BootstrapTable("stat", "pegasus", 4, 3, true));
        MetaFixture fresh = new MetaFixture(MetaFixture.config(MetaLevelConfig.defaults(), bootstrap));
        fresh.elect();

        assertThat(fresh.store.load().state().allTables())
                .extracting(t -> t.info().appName())
                .containsExactly("temp", "stat");
        fresh.elect();
        assertThat(fresh.store.load().state().allTables()).hasSize(2);
    }
}
