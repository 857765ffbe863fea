package io.enif.client;

import io.enif.client.internal.DefaultEnifClient;
import java.util.List;
import java.util.Map;

/**
 * A connection to one Enif (or Pegasus) cluster: opens tables and runs table administration. Thread-safe; create one
 * per cluster and process, and close it when done (that closes every connection and every table opened from it).
 *
 * <p>The client needs only the meta servers: it asks them where each partition's primary is ({@code query_cfg}),
 * caches that, and talks to the replica servers directly. A standby meta server points the client to the leader.
 */
public interface EnifClient extends AutoCloseable {

    /** A new client; nothing is contacted until a table is opened or an admin call is made. */
    static EnifClient create(ClientConfig config) {
        return new DefaultEnifClient(config);
    }

    /** The settings this client runs with. */
    ClientConfig config();

    /**
     * Opens a table: fetches its partition map from the meta servers. Tables are cached, so opening the same name
     * again returns the same object.
     *
     * @throws EnifTableNotFoundException when no available table has that name
     * @throws EnifClientException when no meta server answered
     */
    EnifTable openTable(String tableName);

    /**
     * Creates a table (succeeding if one with the same options exists) and waits until every partition is healthy: a
     * primary and {@code replicaCount - 1} secondaries.
     *
     * @param envs the table's environment variables (may be empty)
     * @param timeoutMillis how long to wait in all, creation and health together
     * @throws EnifInvalidArgumentException for a bad name (allowed: letters, digits, {@code _ . :}) or counts below 1
     * @throws EnifTimeoutException when the table is not healthy in time
     * @throws EnifServerException when the meta server refuses (e.g. {@code ERR_INVALID_PARAMETERS})
     */
    default void createApp(
            String appName, int partitionCount, int replicaCount, Map<String, String> envs, long timeoutMillis) {
        createApp(appName, partitionCount, replicaCount, envs, timeoutMillis, true);
    }

    /**
     * As {@link #createApp(String, int, int, Map, long)}; with {@code successIfExist} false an existing table of that
     * name fails the call with {@code ERR_APP_EXIST}.
     */
    void createApp(
            String appName,
            int partitionCount,
            int replicaCount,
            Map<String, String> envs,
            long timeoutMillis,
            boolean successIfExist);

    /**
     * Whether every partition of the table has a primary and at least {@code replicaCount - 1} secondaries.
     *
     * @throws EnifTableNotFoundException when the table does not exist
     */
    boolean isAppHealthy(String appName, int replicaCount);

    /**
     * Drops a table (succeeding when it does not exist). Its data is kept for {@code reserveSeconds} (0 = the
     * cluster's default hold time) and can be recalled until then.
     */
    void dropApp(String appName, int reserveSeconds);

    /** The available tables. */
    default List<TableInfo> listApps() {
        return listApps(true);
    }

    /**
     * The tables; with {@code onlyAvailable} false also those being created, dropped but still reserved, and so on.
     */
    List<TableInfo> listApps(boolean onlyAvailable);

    /** The meta server's other administration calls: nodes, cluster info, meta levels, table envs, recall. */
    EnifAdmin admin();

    /** Closes every connection and stops the client's threads; pending calls fail. Idempotent. */
    @Override
    void close();
}
