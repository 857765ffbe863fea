package io.enif.server.onebox;

import io.enif.common.HostPort;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.rpc.MetaRpcs;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the onebox's meta servers how the cluster is doing, as {@code enif onebox start -w} polls it: which meta servers
 * answer, which one leads, and how many partitions of the bootstrap table are fully healthy (a primary and
 * max_replica_count members). One {@code query_cfg} per meta server per probe.
 */
public final class OneboxHealth implements AutoCloseable {
    private static final String FORWARD = "ERR_FORWARD_TO_OTHERS";
    private static final String OK = "ERR_OK";

    /**
     * One probe's findings.
     *
     * @param answering meta servers that answered
     * @param metaCount meta servers asked
     * @param leader the meta server that answered as leader
     * @param tableFound whether the leader knows the table
     * @param partitions the table's partition count (0 until found)
     * @param healthyPartitions its fully healthy partitions
     */
    public record Status(
            int answering,
            int metaCount,
            Optional<HostPort> leader,
            boolean tableFound,
            int partitions,
            int healthyPartitions) {

        /** Whether every meta server answers and the leader has created the table. */
        public boolean metasReady() {
            return answering == metaCount && leader.isPresent() && tableFound;
        }

        /** Whether, in addition, every partition is fully healthy. */
        public boolean healthy() {
            return metasReady() && partitions > 0 && healthyPartitions == partitions;
        }

        /** One line of progress, e.g. {@code meta servers answering 3/3, leader 127.0.0.1:34601, temp 8/8 healthy}. */
        public String describe(String table, boolean withReplicas) {
            StringBuilder text = new StringBuilder("meta servers answering " + answering + "/" + metaCount);
            leader.ifPresent(l -> text.append(", leader ").append(l));
            if (leader.isPresent()) {
                if (!tableFound) {
                    text.append(", table ").append(table).append(" not created yet");
                } else if (withReplicas) {
                    text.append(", ")
                            .append(table)
                            .append(' ')
                            .append(healthyPartitions)
                            .append('/')
                            .append(partitions)
                            .append(" partitions fully healthy");
                } else {
                    text.append(", table ").append(table).append(" created");
                }
            }
            return text.toString();
        }
    }

    private final List<HostPort> metas;
    private final Duration timeout;
    private final RpcClient client;

    /** A prober of {@code metas}; each call waits at most {@code timeout}. */
    public OneboxHealth(List<HostPort> metas, Duration timeout) {
        this.metas = List.copyOf(metas);
        this.timeout = timeout;
        this.client =
                new RpcClient(new RpcClientConfig(RpcClientConfig.defaults().maxFrameSize(), 1, timeout));
    }

    /** Asks every meta server about {@code table}. */
    public Status probe(String table) {
        int answering = 0;
        Optional<HostPort> leader = Optional.empty();
        query_cfg_response leaderAnswer = null;
        for (HostPort meta : metas) {
            Optional<query_cfg_response> answer = queryConfig(meta, table);
            if (answer.isEmpty()) {
                continue;
            }
            answering++;
            String err =
                    answer.get().getErr() == null ? "" : answer.get().getErr().name();
            if (!err.equals(FORWARD) && leader.isEmpty()) {
                leader = Optional.of(meta);
                leaderAnswer = answer.get();
            }
        }
        boolean found = leaderAnswer != null && OK.equals(leaderAnswer.getErr().name());
        int partitions = found ? leaderAnswer.getPartition_count() : 0;
        int healthy = 0;
        if (found && leaderAnswer.getPartitions() != null) {
            for (partition_configuration pc : leaderAnswer.getPartitions()) {
                if (fullyHealthy(pc)) {
                    healthy++;
                }
            }
        }
        return new Status(answering, metas.size(), leader, found, partitions, healthy);
    }

    /** A primary, and as many members as the partition's max replica count. */
    static boolean fullyHealthy(partition_configuration pc) {
        boolean primary = pc.getHp_primary() != null && pc.getHp_primary().isValid()
                || pc.getPrimary() != null && pc.getPrimary().isValid();
        if (!primary) {
            return false;
        }
        int secondaries = pc.getHp_secondaries() != null
                ? pc.getHp_secondaries().size()
                : pc.getSecondaries() == null ? 0 : pc.getSecondaries().size();
        return 1 + secondaries >= pc.getMax_replica_count();
    }

    private Optional<query_cfg_response> queryConfig(HostPort meta, String table) {
        RpcRequest request = RpcRequest.of(
                MetaRpcs.RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX.name(),
                ArgsField.struct(new query_cfg_request(table, new ArrayList<>())),
                timeout);
        try {
            return Optional.of(client.call(meta, request, query_cfg_response::new)
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
