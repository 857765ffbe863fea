package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.config.ConfigJson;
import io.enif.meta.health.ClusterHealth;
import io.enif.meta.health.HealthConfig;
import io.enif.meta.health.TableHealth;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.enif.rpc.http.HttpRouter;
import io.enif.rpc.ops.HttpParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The meta server's HTTP routes ({@code spec/ops-cluster.md} §5.2): {@code /meta/cluster}, {@code /meta/nodes},
 * {@code /meta/apps}, {@code /meta/app} and {@code /meta/app_envs}. The leader answers from its state (read on the
 * lane, so the view is consistent); a standby answers 307 to the same path on the leader. Counts use the partition
 * health rules of §0.3 ({@link TableHealth}), so they agree with the shell's. Every scalar is a string.
 */
final class MetaHttpRoutes {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final long LANE_WAIT_MS = 5_000;
    private static final Comparator<HostPort> BY_ADDRESS =
            Comparator.comparing(HostPort::host).thenComparingInt(HostPort::port);

    private final MetaService service;
    private final ClusterQueries queries;

    MetaHttpRoutes(MetaService service, ClusterQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    void register(HttpRouter router) {
        router.route(
                        "/meta/cluster",
                        "The cluster as the meta leader sees it",
                        r -> leaderOnly(r, Set.of(), state -> cluster()))
                .route(
                        "/meta/nodes",
                        "[detail]: the replica servers and their replica counts",
                        r -> leaderOnly(r, Set.of("detail"), state -> nodes(state, detail(r))))
                .route(
                        "/meta/apps",
                        "[detail]: the available tables and their health",
                        r -> leaderOnly(r, Set.of("detail"), state -> apps(state, detail(r))))
                .route(
                        "/meta/app",
                        "name=<table>[&detail]: one table, its partitions and their members",
                        r -> leaderOnly(r, Set.of("name", "detail"), state -> app(state, r)))
                .route(
                        "/meta/app_envs",
                        "name=<table>: a table's envs",
                        r -> leaderOnly(r, Set.of("name"), state -> appEnvs(state, r)));
    }

    private static boolean detail(HttpRequest request) {
        return HttpParams.flag(request, "detail");
    }

    private HttpResponse leaderOnly(
            HttpRequest request, Set<String> allowed, Function<LeaderState, HttpResponse> answer) {
        Optional<HttpResponse> bad = HttpParams.unknown(request, allowed);
        if (bad.isPresent()) {
            return bad.get();
        }
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        service.lane.execute(() -> {
            try {
                Optional<LeaderState> acting = service.acting();
                result.complete(acting.isPresent() ? answer.apply(acting.get()) : redirect(request));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(LANE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.text(503, "interrupted\n");
        } catch (TimeoutException e) {
            return HttpResponse.text(503, "the meta server is busy, try again\n");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private HttpResponse redirect(HttpRequest request) {
        Optional<HostPort> leader = service.otherLeader();
        if (leader.isEmpty()) {
            return HttpResponse.text(503, "no meta leader is known yet, try again\n");
        }
        String query = request.parameters().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + (v.isEmpty() ? "" : "=" + encode(v))))
                .collect(Collectors.joining("&"));
        return HttpResponse.redirect("http://" + leader.get() + request.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse cluster() {
        configuration_cluster_info_response info = queries.clusterInfo(new configuration_cluster_info_request());
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < info.getKeys().size(); i++) {
            body.put(info.getKeys().get(i), info.getValues().get(i));
        }
        return json(body);
    }

    private HttpResponse nodes(LeaderState state, boolean detail) {
        Map<HostPort, int[]> counts = countsByNode(state.cluster.allTables());
        Map<String, Object> details = new LinkedHashMap<>();
        List<HostPort> alive = state.fd.aliveNodes();
        List<HostPort> dead = state.fd.deadNodes();
        List<HostPort> all = new ArrayList<>(alive);
        all.addAll(dead);
        all.sort(BY_ADDRESS);
        for (HostPort node : all) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("address", node.toString());
            row.put("status", alive.contains(node) ? "ALIVE" : "UNALIVE");
            if (detail) {
                int[] c = counts.getOrDefault(node, new int[2]);
                row.put("replica_count", String.valueOf(c[0] + c[1]));
                row.put("primary_count", String.valueOf(c[0]));
                row.put("secondary_count", String.valueOf(c[1]));
            }
            details.put(node.toString(), row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_node_count", String.valueOf(all.size()));
        summary.put("alive_node_count", String.valueOf(alive.size()));
        summary.put("unalive_node_count", String.valueOf(dead.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("details", details);
        body.put("summary", summary);
        return json(body);
    }

    /** Per node: {primaries, secondaries} over every available table. */
    private static Map<HostPort, int[]> countsByNode(Collection<TableState> tables) {
        Map<HostPort, int[]> counts = new TreeMap<>(BY_ADDRESS);
        for (TableState table : tables) {
            if (table.info().status() != AppStatus.AS_AVAILABLE) {
                continue;
            }
            for (PartitionConfig pc : table.partitions()) {
                pc.primaryNode().ifPresent(p -> counts.computeIfAbsent(p, n -> new int[2])[0]++);
                pc.secondaries().forEach(s -> counts.computeIfAbsent(s, n -> new int[2])[1]++);
            }
        }
        return counts;
    }

    private HttpResponse apps(LeaderState state, boolean detail) {
        HealthConfig health = service.config.guardian().health();
        Map<String, Object> general = new LinkedHashMap<>();
        Map<String, Object> healthy = new LinkedHashMap<>();
        for (TableState table : state.cluster.allTables()) {
            TableInfo info = table.info();
            if (info.status() != AppStatus.AS_AVAILABLE) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("app_id", String.valueOf(info.appId()));
            row.put("status", info.status().name());
            row.put("app_name", info.appName());
            row.put("app_type", info.appType());
            row.put("partition_count", String.valueOf(info.partitionCount()));
            row.put("replica_count", String.valueOf(info.maxReplicaCount()));
            row.put("is_stateful", String.valueOf(info.stateful()));
            row.put("create_time", time(info.createSecond()));
            row.put("drop_time", time(info.dropSecond()));
            row.put("drop_expire", time(info.expireSecond()));
            row.put("envs_count", String.valueOf(info.envs().size()));
            general.put(String.valueOf(info.appId()), row);
            if (detail) {
                TableHealth h = TableHealth.of(table, health);
                Map<String, Object> hrow = new LinkedHashMap<>();
                hrow.put("app_id", String.valueOf(info.appId()));
                hrow.put("app_name", info.appName());
                hrow.put("partition_count", String.valueOf(info.partitionCount()));
                hrow.put("fully_healthy", String.valueOf(h.fullyHealthy()));
                hrow.put("unhealthy", String.valueOf(h.unhealthy()));
                hrow.put("write_unhealthy", String.valueOf(h.writeUnhealthy()));
                hrow.put("read_unhealthy", String.valueOf(h.readUnhealthy()));
                healthy.put(String.valueOf(info.appId()), hrow);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_app_count", String.valueOf(general.size()));
        if (detail) {
            ClusterHealth cluster = ClusterHealth.of(state.cluster, health);
            summary.put("fully_healthy_app_count", String.valueOf(cluster.fullyHealthyAppCount()));
            summary.put("unhealthy_app_count", String.valueOf(cluster.unhealthyAppCount()));
            summary.put("write_unhealthy_app_count", String.valueOf(cluster.writeUnhealthyAppCount()));
            summary.put("read_unhealthy_app_count", String.valueOf(cluster.readUnhealthyAppCount()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("general_info", general);
        if (detail) {
            body.put("healthy_info", healthy);
        }
        body.put("summary", summary);
        return json(body);
    }

    private HttpResponse app(LeaderState state, HttpRequest request) {
        String name = request.parameter("name").orElse("");
        if (name.isEmpty()) {
            return HttpResponse.text(400, "name should not be empty\n");
        }
        Optional<TableState> found = state.liveTable(name).filter(t -> t.info().status() == AppStatus.AS_AVAILABLE);
        if (found.isEmpty()) {
            return HttpResponse.text(404, "table not found: \"" + name + "\"\n");
        }
        TableState table = found.get();
        TableInfo info = table.info();
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("app_name", info.appName());
        general.put("app_id", String.valueOf(info.appId()));
        general.put("partition_count", String.valueOf(info.partitionCount()));
        general.put("max_replica_count", String.valueOf(info.maxReplicaCount()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("general", general);
        if (detail(request)) {
            body.put("replicas", replicas(table));
            body.put("nodes", appNodes(table));
            TableHealth h = TableHealth.of(table, service.config.guardian().health());
            Map<String, Object> healthy = new LinkedHashMap<>();
            healthy.put("fully_healthy_partition_count", String.valueOf(h.fullyHealthy()));
            healthy.put("unhealthy_partition_count", String.valueOf(h.unhealthy()));
            healthy.put("write_unhealthy_partition_count", String.valueOf(h.writeUnhealthy()));
            healthy.put("read_unhealthy_partition_count", String.valueOf(h.readUnhealthy()));
            body.put("healthy", healthy);
        }
        return json(body);
    }

    private static Map<String, Object> replicas(TableState table) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (PartitionConfig pc : table.partitions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pidx", String.valueOf(pc.gpid().partitionIndex()));
            row.put("ballot", String.valueOf(pc.ballot()));
            row.put("replica_count", pc.memberCount() + "/" + pc.maxReplicaCount());
            row.put("primary", pc.primaryNode().map(HostPort::toString).orElse("-"));
            row.put(
                    "secondaries",
                    pc.secondaries().stream().map(HostPort::toString).collect(Collectors.joining(",", "[", "]")));
            rows.put(String.valueOf(pc.gpid().partitionIndex()), row);
        }
        return rows;
    }

    private static Map<String, Object> appNodes(TableState table) {
        Map<HostPort, int[]> counts = countsByNode(List.of(table));
        Map<String, Object> rows = new LinkedHashMap<>();
        int primaries = 0;
        int secondaries = 0;
        for (Map.Entry<HostPort, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            rows.put(e.getKey().toString(), nodeRow(e.getKey().toString(), c[0], c[1]));
            primaries += c[0];
            secondaries += c[1];
        }
        rows.put("total", nodeRow("total", primaries, secondaries));
        return rows;
    }

    private static Map<String, Object> nodeRow(String node, int primary, int secondary) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("node", node);
        row.put("primary", String.valueOf(primary));
        row.put("secondary", String.valueOf(secondary));
        row.put("total", String.valueOf(primary + secondary));
        return row;
    }

    private HttpResponse appEnvs(LeaderState state, HttpRequest request) {
        String name = request.parameter("name").orElse("");
        if (name.isEmpty()) {
            return HttpResponse.text(400, "name should not be empty\n");
        }
        Optional<TableState> found = state.liveTable(name);
        if (found.isEmpty()) {
            return HttpResponse.text(404, "table not found: \"" + name + "\"\n");
        }
        return json(new TreeMap<>(found.get().info().envs()));
    }

    private static String time(long second) {
        return second <= 0 ? "-" : TIME.format(Instant.ofEpochSecond(second));
    }

    private static HttpResponse json(Map<String, ?> body) {
        return HttpResponse.json(200, ConfigJson.write(body));
    }
}
