package io.enif.meta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigRegistry;
import io.enif.meta.store.LeaderFence;
import io.enif.rpc.command.CommandRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The meta.* knobs: leader only, and each turns the setting the cure loop and the level checks read. */
@Timeout(10)
class MetaCommandsTest {
    private final MetaFixture meta = new MetaFixture();
    private final CommandRegistry registry = new CommandRegistry();
    private final MetaCommands commands = new MetaCommands(meta.service, registry);

    {
        meta.service.addListener(commands);
    }

    private String run(String name, String... args) {
        return registry.execute(name, List.of(args));
    }

    @Test
    void theMetaCommandsComeWithLeadershipAndGoWithIt() {
        assertThat(run("meta.lb.assign_delay_ms")).isEqualTo("unknown command 'meta.lb.assign_delay_ms'");
        LeaderFence fence = meta.elect();
        assertThat(run("meta.lb.assign_delay_ms"))
                .isEqualTo("{\"error\":\"ok\",\"meta.lb.assign_delay_ms\":\"300000\"}");
        meta.service.onDeposed(fence, "test");
        meta.drain();
        assertThat(run("meta.lb.assign_delay_ms")).isEqualTo("unknown command 'meta.lb.assign_delay_ms'");
        assertThat(run("help")).doesNotContain("meta.lb").contains("fd.allow_list");
    }

    @Test
    void aStandbyWhoseLeaseLapsedAnswersUnknownEvenBeforeItStepsDown() {
        meta.elect();
        meta.election.leaseValid = false;
        assertThat(run("meta.live_percentage")).isEqualTo("unknown command 'meta.live_percentage'");
    }

    @Test
    void knobsChangeTheRunningSettingsAndRefuseBadValues() {
        meta.elect();
        assertThat(run("meta.lb.assign_delay_ms", "10")).isEqualTo("{\"error\":\"ok\"}");
        assertThat(meta.service.config.guardian().replicaAssignDelayMsForDropouts())
                .isEqualTo(10);
        assertThat(run("meta.lb.assign_delay_ms", "abc")).contains("ERR: ");
        assertThat(meta.service.config.guardian().replicaAssignDelayMsForDropouts())
                .isEqualTo(10);
        assertThat(run("meta.lb.assign_delay_ms", "DEFAULT")).contains("ok");
        assertThat(meta.service.config.guardian().replicaAssignDelayMsForDropouts())
                .isEqualTo(300_000);

        assertThat(run("meta.live_percentage", "101")).contains("ERR: ");
        assertThat(run("meta.live_percentage", "30")).contains("ok");
        assertThat(meta.service.config.level().nodeLivePercentageThresholdForUpdate())
                .isEqualTo(30);

        assertThat(run("meta.lb.add_secondary_enable_flow_control", "maybe")).contains("ERR: ");
        assertThat(run("meta.lb.add_secondary_enable_flow_control", "true")).contains("ok");
        assertThat(run("meta.lb.add_secondary_max_count_for_one_node", "0")).contains("ok");
        assertThat(meta.service.config.guardian().addSecondaryEnableFlowControl())
                .isTrue();
        assertThat(meta.service.config.guardian().addSecondaryMaxCountForOneNode())
                .isZero();

        assertThat(run("meta.lb.assign_secondary_black_list", "127.0.0.1:34801,127.0.0.1:34802"))
                .contains("ok");
        assertThat(meta.service.config.guardian().assignSecondaryBlackList())
                .containsExactlyInAnyOrder(new HostPort("127.0.0.1", 34801), new HostPort("127.0.0.1", 34802));
        assertThat(run("meta.lb.assign_secondary_black_list"))
                .isEqualTo(
                        "{\"error\":\"ok\",\"meta.lb.assign_secondary_black_list\":\"127.0.0.1:34801,127.0.0.1:34802\"}");
        assertThat(run("meta.lb.assign_secondary_black_list", "not an address")).contains("ERR: ");
        assertThat(run("meta.lb.assign_secondary_black_list", "clear")).contains("ok");
        assertThat(meta.service.config.guardian().assignSecondaryBlackList()).isEmpty();

        assertThat(run("meta.lb.ignored_app_list", "1,x")).contains("ERR: ");
        assertThat(run("meta.lb.ignored_app_list", "1, 2")).contains("ok");
        assertThat(run("meta.lb.ignored_app_list"))
                .isEqualTo("{\"error\":\"ok\",\"meta.lb.ignored_app_list\":\"1,2\"}");
        assertThat(run("meta.lb.get_balance_operation_count", "copy_pri"))
                .isEqualTo("{\"error\":\"ok\",\"copy_pri\":\"0\"}");
        assertThat(run("meta.lb.get_balance_operation_count", "nope")).contains("ERR: ");
    }

    @Test
    void mutableKeysActOnTheRunningServer() {
        Config config = Config.defaults(ConfigRegistry.discover());
        commands.bind(config);
        config.update("min_live_node_count_for_unfreeze", "5");
        assertThat(meta.service.config.level().minLiveNodeCountForUnfreeze()).isEqualTo(5);
        config.update("max_reserved_dropped_replicas", "3");
        assertThat(meta.service.config.guardian().maxReservedDroppedReplicas()).isEqualTo(3);
        config.update("max_allowed_replica_count", "7");
        assertThat(meta.service.config.maxAllowedReplicaCount()).isEqualTo(7);
    }
}
