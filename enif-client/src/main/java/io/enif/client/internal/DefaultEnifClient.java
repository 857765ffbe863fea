package io.enif.client.internal;

import io.enif.client.ClientConfig;
import io.enif.client.EnifAdmin;
import io.enif.client.EnifClient;
import io.enif.client.EnifClientException;
import io.enif.client.EnifTable;
import io.enif.client.TableInfo;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@link EnifClient}: owns the RPC client (one connection per server), the timer thread for retries and polls, the
 * callback lanes, the meta session and the opened tables.
 */
public final class DefaultEnifClient implements EnifClient {
    private final ClientConfig config;
    private final RpcClient rpc;
    private final ScheduledExecutorService timer;
    private final CallbackLanes lanes;
    private final MetaSession meta;
    private final RetryPolicy policy;
    private final WriteLimits limits;
    private final AdminCalls admin;
    private final EnifAdmin publicAdmin;
    private final ConcurrentMap<String, DefaultEnifTable> tables = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public DefaultEnifClient(ClientConfig config) {
        this.config = config;
        Duration connectTimeout = config.operationTimeout().compareTo(Duration.ofSeconds(1)) > 0
                ? config.operationTimeout()
                : Duration.ofSeconds(1);
        this.rpc = new RpcClient(
                new RpcClientConfig(RpcServerConfig.DEFAULT_MAX_FRAME_SIZE, config.asyncWorkers(), connectTimeout));
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("enif-client-timer"));
        this.lanes = new CallbackLanes(config.asyncWorkers());
        this.meta =
                new MetaSession(rpc, timer, config.metaServers(), config.metaQueryTimeout(), config.metaRetryDelay());
        this.policy = RetryPolicy.of(config);
        this.limits = new WriteLimits(config.enableWriteLimit());
        this.admin = new AdminCalls(meta, timer, config.metaRetryDelay());
        this.publicAdmin = new DefaultEnifAdmin(meta, () -> listApps(false));
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    /** The meta session (for tools that need the meta servers' answers). */
    public MetaSession metaSession() {
        return meta;
    }

    @Override
    public EnifTable openTable(String tableName) {
        requireOpen();
        if (tableName == null || tableName.isEmpty()) {
            throw Checks.invalid("openTable", "the table name must not be empty");
        }
        DefaultEnifTable table = tables.get(tableName);
        if (table != null) {
            return table;
        }
        long refreshInterval = Math.max(1, config.operationTimeout().toMillis() / 3);
        RouteTable routes = Futures.await(RouteTable.open(tableName, meta, timer, refreshInterval));
        TableHandler handler = new TableHandler(tableName, routes, rpc, policy, timer, config.operationTimeout());
        DefaultEnifTable opened = new DefaultEnifTable(handler, limits, lanes.assign());
        DefaultEnifTable raced = tables.putIfAbsent(tableName, opened);
        return raced == null ? opened : raced;
    }

    @Override
    public void createApp(
            String appName,
            int partitionCount,
            int replicaCount,
            Map<String, String> envs,
            long timeoutMillis,
            boolean successIfExist) {
        requireOpen();
        Futures.await(admin.createApp(appName, partitionCount, replicaCount, envs, timeoutMillis, successIfExist));
    }

    @Override
    public boolean isAppHealthy(String appName, int replicaCount) {
        requireOpen();
        return Futures.await(admin.isAppHealthy(appName, replicaCount)).healthy();
    }

    @Override
    public void dropApp(String appName, int reserveSeconds) {
        requireOpen();
        Futures.await(admin.dropApp(appName, reserveSeconds));
        tables.remove(appName);
    }

    @Override
    public List<TableInfo> listApps(boolean onlyAvailable) {
        requireOpen();
        return Futures.await(admin.listApps(onlyAvailable));
    }

    @Override
    public EnifAdmin admin() {
        requireOpen();
        return publicAdmin;
    }

    private void requireOpen() {
        if (closed) {
            throw new EnifClientException("the client is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tables.clear();
        rpc.close();
        timer.shutdownNow();
        lanes.close();
    }
}
