package io.enif.client;

import java.util.List;
import java.util.Map;

/**
 * The meta server's administration calls beyond table create/drop/list ({@link EnifClient#admin()}): nodes, cluster
 * info, partition maps, meta levels, table envs and recall. What operators' tools (the shell) need; every call is
 * synchronous, follows the meta leader like the rest of the client, and fails with an {@link EnifClientException}
 * (an {@link EnifServerException} carrying the meta server's error name when it refused).
 */
public interface EnifAdmin {

    /** The meta servers this client talks to, as {@code host:port,...}, for messages. */
    String metaServers();

    /** The replica servers the meta server knows, alive ones first ({@code RPC_CM_LIST_NODES}). */
    List<NodeInfo> listNodes();

    /** The meta server's cluster info, keys in its order ({@code RPC_CM_CLUSTER_INFO}). */
    Map<String, String> clusterInfo();

    /**
     * A table's id, partition count and partition map ({@code query_cfg}).
     *
     * @throws EnifTableNotFoundException when no available table has that name
     */
    TableConfig queryConfig(String tableName);

    /**
     * Sends create_app and returns as soon as the meta server accepted it, without waiting for the partitions (poll
     * {@link #queryConfig} for that; {@link EnifClient#createApp} waits).
     */
    void sendCreateApp(String tableName, int partitionCount, int replicaCount, Map<String, String> envs);

    /**
     * Recalls a dropped table still held by the meta server, under {@code newName} (empty: its old name); returns the
     * name it has now.
     */
    String recallApp(int appId, String newName);

    /** The meta function level, e.g. {@code fl_steady} ({@code RPC_CM_CONTROL_META}). */
    String metaLevel();

    /** Sets the meta function level ({@code fl_stopped}, {@code fl_blind}, ...); returns the previous one. */
    String setMetaLevel(String level);

    /** A table's envs. */
    Map<String, String> getAppEnvs(String tableName);

    /** Sets table envs (keys and values in order); the replicas pick them up within seconds. */
    void setAppEnvs(String tableName, Map<String, String> envs);

    /** Deletes table envs; returns the meta server's report of what it deleted (e.g. {@code deleted keys: a,b}). */
    String delAppEnvs(String tableName, List<String> keys);

    /**
     * Deletes every table env ({@code prefix} empty) or those named {@code <prefix>.<more>}; returns the meta server's
     * report of what it deleted.
     */
    String clearAppEnvs(String tableName, String prefix);

    /**
     * One replica server as list_nodes reports it.
     *
     * @param address {@code host:port}
     * @param alive whether the meta server's failure detector sees it alive
     */
    record NodeInfo(String address, boolean alive) {}

    /**
     * One partition of a table's configuration.
     *
     * @param index the partition index
     * @param ballot its ballot (-1: not yet registered)
     * @param maxReplicaCount the replicas it should have
     * @param primary the primary's {@code host:port}, or null when it has none
     * @param secondaries the secondaries' {@code host:port}
     */
    record PartitionConfig(int index, long ballot, int maxReplicaCount, String primary, List<String> secondaries) {
        /** Replicas serving: the primary (if any) and the secondaries. */
        public int memberCount() {
            return (primary == null ? 0 : 1) + secondaries.size();
        }
    }

    /**
     * A table's configuration as query_cfg returns it.
     *
     * @param name the table name
     * @param appId the table id
     * @param partitionCount the number of partitions
     * @param partitions every partition, by index
     */
    record TableConfig(String name, int appId, int partitionCount, List<PartitionConfig> partitions) {
        /** The max replica count (of the first partition; all partitions share it). */
        public int maxReplicaCount() {
            return partitions.isEmpty() ? 0 : partitions.get(0).maxReplicaCount();
        }
    }
}
