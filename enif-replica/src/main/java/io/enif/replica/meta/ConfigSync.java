package io.enif.replica.meta;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.gpid;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.replica_info;
import io.enif.replica.codec.Addresses;
import io.enif.replica.codec.ConfigurationCodec;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.partition.ReplicaDir;
import io.enif.replica.partition.ReplicaSnapshot;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Config sync (spec §6.11, {@code RPC_CM_CONFIG_SYNC}): the request lists every stored replica; the answer gives the
 * configuration of every partition the meta server counts this node a member of, and replicas to delete.
 *
 * <ul>
 *   <li>a listed partition hosted here: its runner adopts the configuration (the core decides: adopt the role, bump
 *       the ballot after a restart, or ask to be removed);
 *   <li>listed but not hosted (the data is gone): ask the meta server to remove this node ({@code
 *       CT_DOWNGRADE_TO_INACTIVE});
 *   <li>hosted but not listed: left alone (inactive until the meta server proposes something);
 *   <li>listed for garbage collection: closed and moved aside as {@code .gar}.
 * </ul>
 */
final class ConfigSync {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSync.class);

    private ConfigSync() {}

    static configuration_query_by_node_request request(
            HostPort self, Collection<PartitionRunner> runners, long sentMs) {
        List<replica_info> stored = new ArrayList<>();
        for (PartitionRunner runner : runners) {
            ReplicaSnapshot s = runner.snapshot();
            stored.add(new replica_info()
                    .setPid(gpid.of(s.gpid()))
                    .setBallot(s.ballot())
                    .setStatus(ConfigurationCodec.status(s.status()))
                    .setLast_committed_decree(s.lastCommittedDecree())
                    .setLast_prepared_decree(s.lastPreparedDecree())
                    .setLast_durable_decree(s.lastDurableDecree())
                    .setApp_type(ReplicaDir.APP_TYPE)
                    .setDisk_tag(runner.dir().diskTag()));
        }
        return new configuration_query_by_node_request()
                .setNode(Addresses.address(self))
                .setHp_node(Addresses.hostPort(self))
                .setStored_replicas(stored)
                .setSent_time_ms(sentMs);
    }

    static ErrorCode error(configuration_query_by_node_response response) {
        return response.getErr() == null ? ErrorCode.ERR_OK : response.getErr().code();
    }

    static void apply(
            HostPort self,
            configuration_query_by_node_response response,
            HostedReplicas replicas,
            MetaConnection meta) {
        Set<Gpid> listed = new HashSet<>();
        if (response.getPartitions() != null) {
            for (configuration_update_request entry : response.getPartitions()) {
                PartitionConfiguration pc;
                try {
                    pc = ConfigurationCodec.fromThrift(entry.getConfig());
                } catch (RuntimeException e) {
                    LOG.warn("config sync: skipping a malformed partition: {}", e.toString());
                    continue;
                }
                listed.add(pc.gpid());
                PartitionRunner runner = replicas.get(pc.gpid());
                if (runner != null) {
                    runner.configSync(pc, entry.getInfo());
                } else if (pc.isMember(self)) {
                    askToBeRemoved(self, pc, entry, meta);
                }
            }
        }
        if (response.getGc_replicas() != null) {
            for (replica_info info : response.getGc_replicas()) {
                if (info.getPid() != null && !listed.contains(info.getPid().toGpid())) {
                    LOG.info("config sync: replica {} is garbage", info.getPid());
                    replicas.garbage(info.getPid().toGpid());
                }
            }
        }
    }

    private static void askToBeRemoved(
            HostPort self, PartitionConfiguration pc, configuration_update_request entry, MetaConnection meta) {
        List<HostPort> secondaries = new ArrayList<>(pc.secondaries());
        secondaries.remove(self);
        HostPort primary = self.equals(pc.primary()) ? null : pc.primary();
        PartitionConfiguration next = pc.next(primary, secondaries, pc.lastCommittedDecree());
        LOG.warn("config sync: {} lists this node but it holds no replica; asking to be removed", pc.gpid());
        meta.updateConfiguration(
                entry.getInfo(), new Ready.UpdateConfiguration(ConfigType.CT_DOWNGRADE_TO_INACTIVE, self, next));
    }
}
