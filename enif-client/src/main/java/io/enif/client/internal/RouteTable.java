package io.enif.client.internal;

import io.enif.client.EnifServerException;
import io.enif.client.EnifTableNotFoundException;
import io.enif.client.ops.QueryCfgOp;
import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.layer2.partition_configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's cached partition map: which replica server is each partition's primary. Read without locking; replaced
 * as a whole when the meta server answers a refresh.
 *
 * <p>Refreshes follow {@code spec/protocol.md} §5.2: a failed attempt asks for one only if the map it used is still
 * the current one (a newer map is simply retried), refreshes are shared by concurrent callers, and at most one starts
 * every {@code refreshInterval} (one asked for sooner waits for its turn, so callers retry against the new map rather
 * than hammering the old primary). A partition keeps its cached entry when the meta server reports an older ballot.
 */
public final class RouteTable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

    /**
     * One partition's entry.
     *
     * @param primary the primary's address, or null when it has none
     * @param ballot the configuration's ballot; negative for a split child that does not serve yet
     */
    public record Partition(HostPort primary, long ballot) {}

    /**
     * The map at one moment.
     *
     * @param version increases with every refresh that was applied
     */
    public record Snapshot(int appId, int partitionCount, List<Partition> partitions, long version) {

        /**
         * The partition that serves {@code partitionIndex}: itself, or its parent while it is a split child that is
         * not ready (ballot &lt; 0).
         */
        public int servingIndex(int partitionIndex) {
            Partition p = partitions.get(partitionIndex);
            if (p.ballot() < 0 && partitionIndex >= partitionCount / 2) {
                return partitionIndex - partitionCount / 2;
            }
            return partitionIndex;
        }

        /** The gpid to send to for {@code partitionIndex}. */
        public Gpid gpid(int partitionIndex) {
            return new Gpid(appId, servingIndex(partitionIndex));
        }

        /** The primary serving {@code partitionIndex}, or null when none is known. */
        public HostPort primary(int partitionIndex) {
            return partitions.get(servingIndex(partitionIndex)).primary();
        }
    }

    private final String tableName;
    private final MetaSession meta;
    private final long refreshIntervalNanos;
    private final ScheduledExecutorService timer;
    private volatile Snapshot current;
    private CompletableFuture<Void> refreshing;
    private long lastRefreshNanos;

    private RouteTable(
            String tableName,
            MetaSession meta,
            ScheduledExecutorService timer,
            long refreshIntervalMillis,
            Snapshot first) {
        this.tableName = tableName;
        this.meta = meta;
        this.timer = timer;
        this.refreshIntervalNanos = Math.max(1, refreshIntervalMillis) * 1_000_000L;
        this.current = first;
        this.lastRefreshNanos = System.nanoTime();
    }

    /**
     * Fetches a table's map.
     *
     * @param refreshIntervalMillis the least time between two refreshes (Pegasus: the operation timeout / 3)
     */
    public static CompletableFuture<RouteTable> open(
            String tableName, MetaSession meta, ScheduledExecutorService timer, long refreshIntervalMillis) {
        return meta.call(new QueryCfgOp(tableName)).thenApply(response -> {
            String err = response.err == null ? ErrorCode.ERR_OK.wireName() : response.err.name();
            if (ErrorCode.ERR_OBJECT_NOT_FOUND.wireName().equals(err)) {
                throw new EnifTableNotFoundException(
                        tableName, "no such table: '" + tableName + "' (meta servers " + meta.metaServers() + ")");
            }
            if (!ErrorCode.ERR_OK.wireName().equals(err)) {
                throw new EnifServerException(
                        err, "cannot open table '" + tableName + "': meta server answered " + err + ErrorHints.of(err));
            }
            if (response.partition_count <= 0 || partitions(response).size() != response.partition_count) {
                throw new EnifServerException(
                        ErrorCode.ERR_INVALID_DATA.wireName(),
                        "cannot open table '" + tableName + "': the meta server sent "
                                + partitions(response).size() + " partition configurations for "
                                + response.partition_count + " partitions");
            }
            return new RouteTable(tableName, meta, timer, refreshIntervalMillis, snapshot(response, 0));
        });
    }

    /** The current map. */
    public Snapshot current() {
        return current;
    }

    /**
     * Asks the meta server for a new map, unless the caller's map ({@code seenVersion}) is already outdated. Callers
     * share one refresh; a refresh starts no sooner than the refresh interval after the previous one (it is delayed,
     * not skipped). The result completes when the map is current, and never fails.
     */
    public CompletableFuture<Void> refresh(long seenVersion) {
        synchronized (this) {
            if (current.version() > seenVersion) {
                return CompletableFuture.completedFuture(null);
            }
            if (refreshing != null) {
                return refreshing;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            refreshing = done;
            long waitNanos = lastRefreshNanos + refreshIntervalNanos - System.nanoTime();
            if (waitNanos <= 0) {
                query(done);
            } else {
                try {
                    timer.schedule(() -> query(done), waitNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    refreshing = null;
                    done.complete(null);
                }
            }
            return done;
        }
    }

    private void query(CompletableFuture<Void> done) {
        synchronized (this) {
            lastRefreshNanos = System.nanoTime();
        }
        meta.call(new QueryCfgOp(tableName)).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    LOG.warn("refreshing the routes of table {} failed: {}", tableName, failure.getMessage());
                } else {
                    apply(response);
                }
            } finally {
                synchronized (this) {
                    refreshing = null;
                }
                done.complete(null);
            }
        });
    }

    private synchronized void apply(query_cfg_response response) {
        String err = response.err == null ? ErrorCode.ERR_OK.wireName() : response.err.name();
        if (!ErrorCode.ERR_OK.wireName().equals(err)) {
            LOG.warn("refreshing the routes of table {}: meta server answered {}", tableName, err);
            return;
        }
        Snapshot old = current;
        List<partition_configuration> configs = partitions(response);
        if (response.app_id != old.appId()
                || response.partition_count != old.partitionCount()
                || configs.size() != old.partitions().size()) {
            LOG.info(
                    "table {} changed from app {} with {} partitions to app {} with {}",
                    tableName,
                    old.appId(),
                    old.partitionCount(),
                    response.app_id,
                    response.partition_count);
            if (response.partition_count > 0 && configs.size() == response.partition_count) {
                current = snapshot(response, old.version() + 1);
            }
            return;
        }
        List<Partition> merged = new ArrayList<>(old.partitions());
        for (int i = 0; i < configs.size(); i++) {
            Partition fresh = partition(configs.get(i));
            if (fresh.ballot() >= merged.get(i).ballot()) {
                merged.set(i, fresh);
            }
        }
        current = new Snapshot(old.appId(), old.partitionCount(), List.copyOf(merged), old.version() + 1);
    }

    /** The configurations in partition-index order (by {@code pid} when it is in range, else as sent). */
    private static List<partition_configuration> partitions(query_cfg_response response) {
        if (response.partitions == null) {
            return List.of();
        }
        List<partition_configuration> sent = response.partitions;
        partition_configuration[] ordered = new partition_configuration[sent.size()];
        for (int i = 0; i < sent.size(); i++) {
            partition_configuration config = sent.get(i);
            int index = config.pid == null ? i : config.pid.partitionIndex();
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                return sent;
            }
            ordered[index] = config;
        }
        return List.of(ordered);
    }

    private static Snapshot snapshot(query_cfg_response response, long version) {
        List<Partition> partitions = new ArrayList<>();
        for (partition_configuration config : partitions(response)) {
            partitions.add(partition(config));
        }
        return new Snapshot(response.app_id, response.partition_count, List.copyOf(partitions), version);
    }

    private static Partition partition(partition_configuration config) {
        HostPort primary = config.primary == null ? null : config.primary.toHostPort();
        return new Partition(primary, config.ballot);
    }
}
