package io.enif.replica.handler;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replica.codec.Addresses;
import io.enif.replica.codec.ConfigurationCodec;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code RPC_CONFIG_PROPOSAL} (one-way): the meta server asks a replica to carry out a membership change (spec
 * §6.10). The proposal goes to the partition's runner; a {@code CT_ASSIGN_PRIMARY} for a partition this server does
 * not host yet creates the replica first (a new partition), on the {@code opener} executor: creating a replica opens
 * RocksDB and the private log, which must not hold up a network thread. Proposals are hints: a bad or stale one is
 * dropped.
 */
public final class ConfigProposalHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigProposalHandler.class);

    private final ReplicaHost host;
    private final Executor opener;

    /** A handler creating new replicas on {@code opener} (a pool that may block on disk). */
    public ConfigProposalHandler(ReplicaHost host, Executor opener) {
        this.host = host;
        this.opener = opener;
    }

    public void register(RpcDispatcher dispatcher) {
        dispatcher.register(
                ReplicationRpcs.RPC_CONFIG_PROPOSAL.name(), configuration_update_request::new, this::onProposal);
    }

    private void onProposal(RpcContext ctx, configuration_update_request request) {
        ctx.noReply();
        PartitionConfiguration config;
        ConfigType type;
        HostPort node;
        try {
            config = ConfigurationCodec.fromThrift(request.getConfig());
            type = ConfigurationCodec.type(request.getType());
            node = Addresses.node(request.isSetHp_node() ? request.getHp_node() : null, request.getNode());
        } catch (RuntimeException e) {
            LOG.warn("dropping a malformed proposal: {}", e.toString());
            return;
        }
        if (node == null) {
            LOG.warn("dropping a {} proposal for {} that names no node", type, config.gpid());
            return;
        }
        Gpid gpid = config.gpid();
        PartitionRunner runner = host.get(gpid);
        if (runner == null
                && type == ConfigType.CT_ASSIGN_PRIMARY
                && node.equals(host.self())
                && request.getInfo() != null) {
            HostPort assigned = node;
            opener.execute(() -> {
                PartitionRunner created = host.getOrCreate(gpid, request.getInfo());
                if (created != null) {
                    created.proposal(type, assigned, config, request.getInfo());
                }
            });
            return;
        }
        if (runner == null) {
            LOG.debug("dropping a {} proposal for {}: not hosted here", type, gpid);
            return;
        }
        runner.proposal(type, node, config, request.getInfo());
    }
}
