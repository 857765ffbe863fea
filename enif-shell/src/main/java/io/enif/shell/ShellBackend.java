package io.enif.shell;

import io.enif.client.EnifTable;
import io.enif.client.TableInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the shell asks of a cluster: tables for the data commands, and the meta server's admin calls. Failures are
 * {@link io.enif.client.EnifClientException}s whose message is meant for the user.
 */
public interface ShellBackend extends AutoCloseable {
    /** The meta servers this backend talks to, for messages. */
    String metaServers();

    /** Opens a table for the data commands. */
    EnifTable openTable(String name);

    /** The tables; with {@code all}, dropped ones too. */
    List<TableInfo> listApps(boolean all);

    /** A table's partition map as query_cfg returns it. */
    AppConfig queryConfig(String name);

    /** Sends create_app and returns without waiting for the partitions. */
    void createApp(String name, int partitionCount, int replicaCount, Map<String, String> envs);

    /** Drops (soft-deletes) a table; {@code reserveSeconds} &lt; 0 keeps the server's default. */
    void dropApp(String name, long reserveSeconds);

    /** Recalls a dropped table; returns the name it has now. */
    String recallApp(int appId, String newName);

    /** The replica servers the meta server knows. */
    List<NodeInfo> listNodes();

    /** The meta server's cluster_info, in its order. */
    Map<String, String> clusterInfo();

    /** The meta function level, e.g. {@code fl_steady}. */
    String metaLevel();

    /** Sets the meta function level ({@code fl_...}); returns the old one. */
    String setMetaLevel(String level);

    /** Sets table envs. */
    void setAppEnvs(String app, List<String> keys, List<String> values);

    /** Deletes table envs; returns the meta server's report of the keys deleted. */
    String delAppEnvs(String app, List<String> keys);

    /** Deletes every env ({@code prefix} empty) or those under {@code prefix.}; returns the keys deleted. */
    String clearAppEnvs(String app, String prefix);

    /** A backend of the same kind for other meta servers ({@code cc}); the caller closes this one. */
    ShellBackend connectTo(String metaServers);

    /**
     * An HTTP GET of {@code pathAndQuery} (e.g. {@code /metrics?types=replica}) on server {@code node} (host:port,
     * the server's RPC port, which also answers HTTP), returning the body of a 200 answer.
     *
     * @throws io.enif.client.EnifClientException when the node cannot be reached or answers another status
     */
    default String httpGet(String node, String pathAndQuery, int timeoutMillis) {
        return NodeHttp.get(node, pathAndQuery, timeoutMillis);
    }

    /**
     * Runs a remote command on one server ({@code RPC_CLI_CLI_CALL}); the future fails (with the RPC error as its
     * message) when the call itself fails.
     */
    default CompletableFuture<String> remoteCommand(String address, String command, List<String> args) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("remote commands are not available"));
    }

    @Override
    void close();

    /** One replica server as list_nodes reports it. */
    record NodeInfo(String address, boolean alive) {}

    /** One partition of a table's configuration. */
    record PartitionInfo(int index, long ballot, int maxReplicaCount, String primary, List<String> secondaries) {
        /** Replicas serving: the primary (if any) and the secondaries. */
        public int memberCount() {
            return (primary == null ? 0 : 1) + secondaries.size();
        }
    }

    /** A table's configuration: id, partition count and partitions. */
    record AppConfig(String name, int appId, int partitionCount, List<PartitionInfo> partitions) {
        /** The max replica count (of the first partition; all partitions share it). */
        public int maxReplicaCount() {
            return partitions.isEmpty() ? 0 : partitions.get(0).maxReplicaCount();
        }
    }
}
