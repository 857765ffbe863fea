package io.enif.shell;

import io.enif.client.EnifClientException;
import io.enif.client.TableInfo;
import io.enif.common.metrics.MetricsDocument;
import io.enif.common.metrics.MetricsDocument.Entity;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server stat commands, from each server's {@code /metrics}: {@code server_stat} (Pegasus's {@code server-stat}
 * figures per node, printed as its remote command prints them), {@code disk_capacity} and {@code disk_replica}.
 */
final class ServerStatCommands {
    private ServerStatCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("server_stat", ServerStatCommands::serverStat);
        commands.put("disk_capacity", OutputFile.wrap("disk_capacity", ServerStatCommands::diskCapacity));
        commands.put("disk_replica", OutputFile.wrap("disk_replica", ServerStatCommands::diskReplica));
    }

    /** {@code server_stat [-t all|meta-server|replica-server] [-l addr,...]}. */
    private static void serverStat(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("server_stat", words, Set.of(), Set.of("-t", "-l"))
                .expect(0, 0, "[-t all|meta-server|replica-server] [-l ip:port,...]");
        String type = a.value("-t", null);
        String list = a.value("-l", null);
        if (type != null && list != null) {
            throw new UsageException("server_stat: can not specify both node_type and node_list");
        }
        if (type != null && !Set.of("all", "meta-server", "replica-server").contains(type)) {
            throw new UsageException("server_stat: invalid type, should be: all | meta-server | replica-server");
        }
        Map<String, String> targets = new LinkedHashMap<>(); // node -> description
        if (list != null) {
            for (String node : list.split(",")) {
                if (!node.isBlank()) {
                    targets.put(node.trim(), "user-specified");
                }
            }
        } else {
            if (type == null || !type.equals("replica-server")) {
                for (String meta : s.backend.metaServers().split(",")) {
                    if (!meta.isBlank()) {
                        targets.put(meta.trim(), "meta-server");
                    }
                }
            }
            if (type == null || !type.equals("meta-server")) {
                NodeMetrics.aliveReplicaServers(s).forEach(n -> targets.put(n, "replica-server"));
            }
        }
        Map<String, MetricsDocument> before = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (String node : targets.keySet()) {
            try {
                before.put(node, NodeMetrics.fetch(s, node, "types=server,replica"));
            } catch (EnifClientException e) {
                failures.put(node, e.getMessage());
            }
        }
        s.pause.run();
        int succeed = 0;
        s.out.println("COMMAND: server-stat");
        s.out.println();
        for (Map.Entry<String, String> t : targets.entrySet()) {
            String node = t.getKey();
            String result;
            boolean ok = false;
            if (failures.containsKey(node)) {
                result = failures.get(node);
            } else {
                try {
                    MetricsDocument now = NodeMetrics.fetch(s, node, "types=server,replica");
                    double seconds = (System.nanoTime() - start) / 1e9;
                    result = stat(before.get(node), now, seconds);
                    ok = true;
                } catch (EnifClientException e) {
                    result = e.getMessage();
                }
            }
            succeed += ok ? 1 : 0;
            s.out.println("CALL [" + t.getValue() + "] [" + node + "] " + (ok ? "succeed: " : "failed: ") + result);
        }
        s.out.println();
        s.out.println("Succeed count: " + succeed);
        s.out.println("Failed count: " + (targets.size() - succeed));
    }

    /** The server-stat line of one node from two reads {@code seconds} apart. */
    static String stat(MetricsDocument before, MetricsDocument now, double seconds) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("memused_virt", NodeMetrics.server(now, "virtual_mem_usage_mb") + "MB");
        kv.put("memused_res", NodeMetrics.server(now, "resident_mem_usage_mb") + "MB");
        if ("meta".equals(now.role())) {
            kv.put("is_leader", Long.toString(NodeMetrics.server(now, "meta_is_leader")));
            kv.put("alive_replica_servers", Long.toString(NodeMetrics.server(now, "alive_replica_servers")));
            kv.put("unalive_replica_servers", Long.toString(NodeMetrics.server(now, "unalive_replica_servers")));
        } else {
            kv.put("serving_replica_count", Long.toString(NodeMetrics.server(now, "total_replicas")));
            kv.put("opening_replica_count", Long.toString(NodeMetrics.server(now, "opening_replicas")));
            kv.put("closing_replica_count", Long.toString(NodeMetrics.server(now, "closing_replicas")));
            kv.put("learning_count", Long.toString(NodeMetrics.server(now, "learning_replicas")));
            kv.put("disk_available_total_ratio", NodeMetrics.server(now, "disk_available_total_ratio") + "%");
            kv.put("disk_available_min_ratio", NodeMetrics.server(now, "disk_available_min_ratio") + "%");
            kv.put("disk_capacity_total_mb", Long.toString(NodeMetrics.server(now, "disk_capacity_total_mb")));
            for (String op : List.of("get", "put", "multi_get", "multi_put")) {
                kv.put(op + "_qps", NodeMetrics.decimal(rate(before, now, seconds, op + "_requests")));
                long p99 = 0;
                for (Entity e : now.ofType("replica")) {
                    p99 = Math.max(p99, e.field(op + "_latency_ns", "p99"));
                }
                kv.put(op + "_p99", Long.toString(p99));
            }
            double commits = 0;
            for (String op : List.of(
                    "put", "multi_put", "remove", "multi_remove", "incr", "check_and_set", "check_and_mutate")) {
                commits += rate(before, now, seconds, op + "_requests");
            }
            kv.put("commit_throughput", NodeMetrics.decimal(commits));
        }
        StringBuilder b = new StringBuilder();
        kv.forEach((k, v) ->
                b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    private static double rate(MetricsDocument before, MetricsDocument now, double seconds, String name) {
        if (seconds <= 0) {
            return 0;
        }
        long delta = now.sum("replica", name) - (before == null ? 0 : before.sum("replica", name));
        return Math.max(0, delta) / seconds;
    }

    /** {@code disk_capacity [-n ip:port] [-d] [-j]}: capacity and available space per node, or per disk. */
    private static void diskCapacity(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("disk_capacity", words, Set.of("-d", "-j"), Set.of("-n"))
                .expect(0, 0, "[-n ip:port] [-d] [-j] [-o file]");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String node : nodes(s, a.value("-n", null))) {
            MetricsDocument doc = NodeMetrics.fetch(s, node, "types=server,disk");
            if (a.has("-d")) {
                for (Entity disk : doc.ofType("disk")) {
                    rows.add(capacityRow(
                            node,
                            disk.attributes().get("disk_tag"),
                            disk.value("disk_capacity_total_mb"),
                            disk.value("disk_capacity_avail_mb")));
                }
            } else {
                rows.add(capacityRow(
                        node,
                        null,
                        NodeMetrics.server(doc, "disk_capacity_total_mb"),
                        NodeMetrics.server(doc, "disk_capacity_avail_mb")));
            }
        }
        List<String> columns = new ArrayList<>(List.of("node"));
        if (a.has("-d")) {
            columns.add("disk");
        }
        columns.addAll(List.of("total_capacity(MB)", "avalable_capacity(MB)", "avalable_ratio(%)"));
        print(s, a.has("-j"), "disk_capacity", rows, columns);
    }

    private static Map<String, Object> capacityRow(String node, String disk, long total, long avail) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("node", node);
        if (disk != null) {
            row.put("disk", disk);
        }
        row.put("total_capacity(MB)", total);
        row.put("avalable_capacity(MB)", avail);
        row.put("avalable_ratio(%)", total == 0 ? 0 : avail * 100 / total);
        return row;
    }

    /**
     * {@code disk_replica [-n ip:port] [-a app] [-j]}: per node and data dir, how many replicas it holds and how many
     * of them are primaries and secondaries (by the meta server's partition map).
     */
    private static void diskReplica(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("disk_replica", words, Set.of("-j"), Set.of("-n", "-a"))
                .expect(0, 0, "[-n ip:port] [-a app_name] [-j] [-o file]");
        String app = a.value("-a", null);
        Set<String> primaries = new HashSet<>(); // node@appId.pidx
        Set<String> secondaries = new HashSet<>();
        Integer appId = null;
        List<String> tables = new ArrayList<>();
        if (app != null) {
            tables.add(app);
        } else {
            s.backend.listApps(false).stream().map(TableInfo::name).forEach(tables::add);
        }
        for (String t : tables) {
            AppConfig config = s.backend.queryConfig(t);
            if (app != null) {
                appId = config.appId();
            }
            for (PartitionInfo p : config.partitions()) {
                String gpid = config.appId() + "." + p.index();
                if (p.primary() != null) {
                    primaries.add(p.primary() + "@" + gpid);
                }
                p.secondaries().forEach(sec -> secondaries.add(sec + "@" + gpid));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String node : nodes(s, a.value("-n", null))) {
            MetricsDocument doc = NodeMetrics.fetch(s, node, "types=replica,disk");
            Map<String, int[]> byDisk = new TreeMap<>();
            doc.ofType("disk").forEach(d -> byDisk.put(d.attributes().get("disk_tag"), new int[3]));
            for (Entity r : doc.ofType("replica")) {
                String table = r.attributes().get("table_id");
                if (appId != null && !String.valueOf(appId).equals(table)) {
                    continue;
                }
                String key = node + "@" + table + "." + r.attributes().get("partition_id");
                int[] c = byDisk.computeIfAbsent(r.attributes().getOrDefault("disk_tag", ""), k -> new int[3]);
                c[0] += primaries.contains(key) ? 1 : 0;
                c[1] += secondaries.contains(key) ? 1 : 0;
                c[2]++;
            }
            byDisk.forEach((disk, c) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("node", node);
                row.put("disk", disk);
                row.put("primary_count", c[0]);
                row.put("secondary_count", c[1]);
                row.put("replica_count", c[2]);
                rows.add(row);
            });
        }
        print(
                s,
                a.has("-j"),
                "disk_replica",
                rows,
                List.of("node", "disk", "primary_count", "secondary_count", "replica_count"));
    }

    /** The node of {@code -n}, or every alive replica server. */
    private static List<String> nodes(Session s, String only) {
        return only != null ? List.of(only) : NodeMetrics.aliveReplicaServers(s);
    }

    private static void print(
            Session s, boolean json, String name, List<Map<String, Object>> rows, List<String> columns) {
        if (json) {
            s.out.println(Format.json(Map.of(name, rows)));
            return;
        }
        TableCommands.printRows(s, rows, columns);
    }
}
