package io.enif.meta.server;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.PartitionConfigCodec;
import io.enif.meta.state.TableInfo;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.replication.config_type;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_response;
import io.enif.proto.replication.partition_status;
import io.enif.proto.replication.replica_info;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ReplicaFacingTest {
    private static final Gpid P0 = new Gpid(1, 0);

    private MetaFixture meta;

    @BeforeEach
    void setUp() {
        meta = new MetaFixture();
        meta.elect();
        meta.create("t", 1, 3);
        for (int i = 1; i <= 3; i++) {
            assertThat(meta.beacon(r(i)).isIs_master()).isTrue();
        }
    }

    private PartitionConfig stored() {
        return meta.store.load().state().partition(P0).orElseThrow();
    }

    private TableInfo info() {
        return meta.store.load().state().table(1).orElseThrow().info();
    }

    /** What a replica sends after carrying out {@code type} about {@code node}. */
    private configuration_update_response propose(PartitionConfig next, ConfigType type, HostPort node) {
        configuration_update_response response =
                meta.replicas.updateConfiguration(ThriftViews.update(info(), next, type, node, node));
        meta.drain();
        return response;
    }

    private PartitionConfig assignPrimary(HostPort node) {
        PartitionConfig next = PartitionConfigChanges.apply(stored(), ConfigType.ASSIGN_PRIMARY, node);
        assertThat(propose(next, ConfigType.ASSIGN_PRIMARY, node).getErr().code())
                .isEqualTo(ErrorCode.ERR_OK);
        return next;
    }

    @Test
    void cureAssignsAPrimaryToAnAliveNode() {
        assertThat(meta.proposals).isNotEmpty();
        MetaFixture.Sent sent = meta.proposals.get(meta.proposals.size() - 1);
        assertThat(sent.proposal().getType()).isEqualTo(config_type.CT_ASSIGN_PRIMARY);
        assertThat(sent.proposal().getHp_node().toHostPort()).isEqualTo(sent.target());
        assertThat(List.of(r(1), r(2), r(3))).contains(sent.target());
        assertThat(sent.proposal().getConfig().getPid().toGpid()).isEqualTo(P0);
    }

    @Test
    void aValidUpdateIsPersistedAnsweredAndCuredFurther() {
        meta.proposals.clear();
        PartitionConfig next = assignPrimary(r(1));

        assertThat(stored().primary()).isEqualTo(r(1));
        assertThat(stored().ballot()).isEqualTo(1);
        assertThat(meta.proposals).anySatisfy(s -> {
            assertThat(s.target()).isEqualTo(r(1));
            assertThat(s.proposal().getType()).isEqualTo(config_type.CT_ADD_SECONDARY);
        });
        int writes = meta.store.writes().size();
        configuration_update_response retry = propose(next, ConfigType.ASSIGN_PRIMARY, r(1));
        assertThat(retry.getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(PartitionConfigCodec.fromThrift(retry.getConfig())).isEqualTo(stored());
        assertThat(meta.store.writes()).hasSize(writes);
    }

    @Test
    void curePassesCloseTogetherSendTheSameProposalOnce() {
        assignPrimary(r(1));
        long adds = addSecondaryProposals();
        assertThat(adds).isPositive();

        // a node's first beacon and its config sync each ask for a pass, milliseconds apart
        LeaderState state = meta.leader().orElseThrow();
        meta.cure.requestCure(state);
        meta.drain();
        meta.cure.requestCure(state);
        meta.drain();
        assertThat(addSecondaryProposals()).isEqualTo(adds);

        meta.clock.ms += 600; // past half the lb interval (1 s): a lost proposal is sent again
        meta.cure.requestCure(state);
        meta.drain();
        assertThat(addSecondaryProposals()).isGreaterThan(adds);
    }

    private long addSecondaryProposals() {
        return meta.proposals.stream()
                .filter(s -> s.proposal().getType() == config_type.CT_ADD_SECONDARY)
                .count();
    }

    @Test
    void aBallotOtherThanPlusOneGetsInvalidVersionWithTheCurrentConfig() {
        assignPrimary(r(1));
        PartitionConfig current = stored();
        PartitionConfig skipped = PartitionConfigChanges.apply(
                PartitionConfigChanges.apply(current, ConfigType.UPGRADE_TO_SECONDARY, r(2)),
                ConfigType.UPGRADE_TO_SECONDARY,
                r(3));

        configuration_update_response response = propose(skipped, ConfigType.UPGRADE_TO_SECONDARY, r(3));

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_INVALID_VERSION);
        assertThat(PartitionConfigCodec.fromThrift(response.getConfig())).isEqualTo(current);
        assertThat(stored()).isEqualTo(current);
    }

    @Test
    void lastDropsAreKeptByTheMetaServer() {
        assignPrimary(r(1));
        PartitionConfig withSecondary = PartitionConfigChanges.apply(stored(), ConfigType.UPGRADE_TO_SECONDARY, r(2));
        assertThat(propose(withSecondary, ConfigType.UPGRADE_TO_SECONDARY, r(2))
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_OK);
        PartitionConfig removed = PartitionConfigChanges.apply(stored(), ConfigType.DOWNGRADE_TO_INACTIVE, r(2));
        PartitionConfig claimed =
                new PartitionConfig(removed.gpid(), removed.ballot(), 3, r(1), List.of(), List.of(), 7, 0);

        configuration_update_response response = propose(claimed, ConfigType.DOWNGRADE_TO_INACTIVE, r(2));

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(stored().lastDrops()).containsExactly(r(2));
        assertThat(stored().lastCommittedDecree()).isEqualTo(7);
        assertThat(PartitionConfigCodec.fromThrift(response.getConfig()).lastDrops())
                .containsExactly(r(2));
    }

    @Test
    void aConfigThatDoesNotMatchItsTypeIsRefused() {
        PartitionConfig current = stored();
        PartitionConfig wrong = new PartitionConfig(P0, 1, 3, r(1), List.of(r(2)), List.of(), 0, 0);

        assertThat(propose(wrong, ConfigType.ASSIGN_PRIMARY, r(1)).getErr().code())
                .isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(stored()).isEqualTo(current);
    }

    @Test
    void updatesAreRefusedWhileFrozen() {
        meta.queries.controlMeta(new configuration_meta_control_request(meta_function_level.fl_freezed));
        PartitionConfig current = stored();
        PartitionConfig next = PartitionConfigChanges.apply(current, ConfigType.ASSIGN_PRIMARY, r(1));

        configuration_update_response response = propose(next, ConfigType.ASSIGN_PRIMARY, r(1));

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_STATE_FREEZED);
        assertThat(PartitionConfigCodec.fromThrift(response.getConfig())).isEqualTo(current);
        assertThat(stored()).isEqualTo(current);
    }

    @Test
    void configSyncReturnsMembershipAndCollectsOtherReplicas() {
        assignPrimary(r(1));
        configuration_query_by_node_request request = new configuration_query_by_node_request();
        request.setNode(ThriftViews.address(r(1)));
        request.setHp_node(ThriftViews.hostPort(r(1)));
        request.setStored_replicas(List.of());

        configuration_query_by_node_response response = meta.replicas.configSync(request);

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(response.getPartitions()).hasSize(1);
        assertThat(response.getPartitions().get(0).getConfig().getHp_primary().toHostPort())
                .isEqualTo(r(1));
        assertThat(response.getPartitions().get(0).getInfo().getApp_name()).isEqualTo("t");

        assertThat(meta.replicas.configSync(droppedReplicaReport(r(3))).getPartitions())
                .isEmpty();
        assertThat(meta.leader().orElseThrow().book.context(P0).findDropped(r(3)))
                .hasValueSatisfying(d -> assertThat(d.lastCommittedDecree()).isEqualTo(40));
        assertThat(meta.leader().orElseThrow().collected).contains(r(1), r(3));
    }

    @Test
    void configSyncFromAnUnknownNodeIsNotFound() {
        configuration_query_by_node_request request = new configuration_query_by_node_request();
        request.setNode(ThriftViews.address(r(9)));

        assertThat(meta.replicas.configSync(request).getErr().code()).isEqualTo(ErrorCode.ERR_OBJECT_NOT_FOUND);
    }

    @Test
    void aConfigSyncSentBeforeADeadNodesLeaseRanOutIsAnsweredButNotCollected() {
        long lastBeaconOfR3 = meta.clock.ms; // the fixture's beacons carry the meta server's clock as their time
        meta.silenceAllBut(r(1), r(2));
        LeaderState leader = meta.leader().orElseThrow();
        assertThat(leader.fd.isAlive(r(3))).isFalse();

        configuration_query_by_node_request request = droppedReplicaReport(r(3));
        // Sent while r3 may still have held its lease (3 s in the fixture), delivered late, after r3 came back.
        request.setSent_time_ms(lastBeaconOfR3 + 2_999);
        meta.beacon(r(3));
        assertThat(meta.replicas.configSync(request).getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(leader.book.context(P0).findDropped(r(3))).isEmpty();
        assertThat(leader.collected).doesNotContain(r(3));

        request.setSent_time_ms(lastBeaconOfR3 + 3_000);
        assertThat(meta.replicas.configSync(request).getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(meta.leader().orElseThrow().book.context(P0).findDropped(r(3)))
                .hasValueSatisfying(d -> assertThat(d.lastCommittedDecree()).isEqualTo(40));
        assertThat(leader.collected).contains(r(3));
    }

    /** A config sync from {@code node} reporting a replica of P0 it no longer serves (ballot 9, decrees 40/41). */
    private static configuration_query_by_node_request droppedReplicaReport(HostPort node) {
        replica_info old = new replica_info();
        old.setPid(io.enif.proto.base.gpid.of(P0));
        old.setBallot(9);
        old.setStatus(partition_status.PS_INACTIVE);
        old.setLast_committed_decree(40);
        old.setLast_prepared_decree(41);
        configuration_query_by_node_request request = new configuration_query_by_node_request();
        request.setNode(ThriftViews.address(node));
        request.setHp_node(ThriftViews.hostPort(node));
        request.setStored_replicas(List.of(old));
        return request;
    }
}
