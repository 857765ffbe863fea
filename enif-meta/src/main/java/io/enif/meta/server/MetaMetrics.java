package io.enif.meta.server;

import io.enif.common.metrics.MetricEntity;
import io.enif.common.metrics.MetricPrototype;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.ProcessMetrics;
import io.enif.meta.health.ClusterHealth;
import io.enif.meta.health.TableHealth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The meta server's metrics (spec/ops-cluster.md §13.3 MON-1), refreshed before each scrape from the leader's state
 * (read on the meta lane): replica servers alive and unalive and per available table ({@code table@<app_id>}) the
 * partitions in each health state of §0.3. A standby reports {@code meta_is_leader = 0} and no table entities.
 */
final class MetaMetrics implements Consumer<MetricRegistry> {
    static final String SERVER = ProcessMetrics.SERVER;
    static final String TABLE = "table";

    static final MetricPrototype IS_LEADER =
            MetricPrototype.gauge(SERVER, "meta_is_leader", "bool", "1 on the meta server acting as leader");
    static final MetricPrototype ALIVE = MetricPrototype.gauge(
            SERVER, "alive_replica_servers", "servers", "Replica servers the failure detector considers alive");
    static final MetricPrototype UNALIVE = MetricPrototype.gauge(
            SERVER, "unalive_replica_servers", "servers", "Replica servers the failure detector considers dead");
    static final MetricPrototype DISCONNECTIONS = MetricPrototype.counter(
            SERVER,
            "replica_server_disconnections",
            "disconnections",
            "Times this meta server, as leader, declared a replica server dead");
    static final MetricPrototype TABLES =
            MetricPrototype.gauge(SERVER, "available_tables", "tables", "Tables in the available state");
    static final MetricPrototype PARTITIONS =
            MetricPrototype.gauge(TABLE, "partitions", "partitions", "Partitions of the table");
    static final MetricPrototype HEALTHY = MetricPrototype.gauge(
            TABLE, "healthy_partitions", "partitions", "Partitions with a primary and all their replicas");
    static final MetricPrototype WRITABLE_ILL = MetricPrototype.gauge(
            TABLE, "writable_ill_partitions", "partitions", "Partitions writable but short of replicas");
    static final MetricPrototype UNWRITABLE =
            MetricPrototype.gauge(TABLE, "unwritable_partitions", "partitions", "Partitions readable but not writable");
    static final MetricPrototype UNREADABLE = MetricPrototype.gauge(
            TABLE, "unreadable_partitions", "partitions", "Partitions with secondaries but no primary");
    static final MetricPrototype DEAD =
            MetricPrototype.gauge(TABLE, "dead_partitions", "partitions", "Partitions with no replica at all");

    /** How long a scrape waits for the meta lane. */
    private static final long LANE_WAIT_MS = 500;

    private final MetaService service;
    private final Set<String> tables = new HashSet<>();
    /** The last figures read, used when the lane is too busy to answer a scrape in time. */
    private Optional<Snapshot> last = Optional.empty();

    MetaMetrics(MetaService service) {
        this.service = service;
    }

    @Override
    public synchronized void accept(MetricRegistry registry) {
        Optional<Snapshot> snapshot = readOnLane();
        MetricEntity server = ProcessMetrics.server(registry);
        server.gauge(IS_LEADER).set(snapshot.isPresent() ? 1 : 0);
        Set<String> seen = new HashSet<>();
        if (snapshot.isPresent()) {
            Snapshot s = snapshot.get();
            server.gauge(ALIVE).set(s.alive());
            server.gauge(UNALIVE).set(s.unalive());
            server.gauge(TABLES).set(s.health().totalAppCount());
            for (TableHealth t : s.health().tables()) {
                String id = TABLE + "@" + t.appId();
                seen.add(id);
                MetricEntity e = registry.entity(
                        TABLE, id, Map.of("table_id", Integer.toString(t.appId()), "table_name", t.appName()));
                e.gauge(PARTITIONS).set(t.partitionCount());
                e.gauge(HEALTHY).set(t.fullyHealthy());
                e.gauge(WRITABLE_ILL).set(t.writableIll());
                e.gauge(UNWRITABLE).set(t.unwritable());
                e.gauge(UNREADABLE).set(t.unreadable());
                e.gauge(DEAD).set(t.dead());
            }
        } else {
            server.gauge(ALIVE).set(0);
            server.gauge(UNALIVE).set(0);
            server.gauge(TABLES).set(0);
        }
        for (String id : List.copyOf(tables)) {
            if (!seen.contains(id)) {
                registry.remove(id);
            }
        }
        tables.clear();
        tables.addAll(seen);
    }

    /** The leader's figures, read on the meta lane; empty when this server does not act as leader. */
    private Optional<Snapshot> readOnLane() {
        CompletableFuture<Optional<Snapshot>> read = new CompletableFuture<>();
        service.lane.execute(() -> {
            try {
                read.complete(service.acting()
                        .map(state -> new Snapshot(
                                state.fd.aliveNodes().size(),
                                state.fd.deadNodes().size(),
                                ClusterHealth.of(
                                        state.cluster, service.config.guardian().health()))));
            } catch (RuntimeException e) {
                read.completeExceptionally(e);
            }
        });
        try {
            last = read.get(LANE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // a busy lane: answer with the last figures rather than block the scrape
        } catch (ExecutionException e) {
            last = Optional.empty();
        }
        return last;
    }

    private record Snapshot(int alive, int unalive, ClusterHealth health) {}
}
