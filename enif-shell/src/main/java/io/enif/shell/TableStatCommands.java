package io.enif.shell;

import io.enif.client.TableInfo;
import io.enif.common.metrics.MetricsDocument;
import io.enif.common.metrics.MetricsDocument.Entity;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table stat commands, from each alive replica server's {@code /metrics} and the meta server's partition map:
 * {@code app_stat} (requests per table or per partition, counted on primaries; storage) and {@code app_disk} (the
 * storage of each replica).
 */
final class TableStatCommands {
    /** app_stat's request columns and the counters behind them. */
    static final Map<String, String> REQUEST_COLUMNS = new LinkedHashMap<>();

    /** app_stat's usage columns. */
    static final List<String> USAGE_COLUMNS = List.of("expired", "filtered", "abnormal", "storage_mb", "file_count");

    static {
        REQUEST_COLUMNS.put("GET", "get_requests");
        REQUEST_COLUMNS.put("MULTI_GET", "multi_get_requests");
        REQUEST_COLUMNS.put("PUT", "put_requests");
        REQUEST_COLUMNS.put("MULTI_PUT", "multi_put_requests");
        REQUEST_COLUMNS.put("DEL", "remove_requests");
        REQUEST_COLUMNS.put("MULTI_DEL", "multi_remove_requests");
        REQUEST_COLUMNS.put("INCR", "incr_requests");
        REQUEST_COLUMNS.put("CAS", "check_and_set_requests");
        REQUEST_COLUMNS.put("SCAN", "scan_requests");
    }

    private TableStatCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("app_stat", OutputFile.wrap("app_stat", TableStatCommands::appStat));
        commands.put("app_disk", OutputFile.wrap("app_disk", TableStatCommands::appDisk));
    }

    /**
     * {@code app_stat [-a app] [-q] [-u] [-c] [-j]}: one row per table (per partition with {@code -a}) and a total
     * row. Request columns are QPS over a pause (Pegasus's), or the cumulative counts with {@code -c}; they count
     * the primaries' replicas only, so a write counts once.
     */
    private static void appStat(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("app_stat", words, Set.of("-q", "-u", "-c", "-j"), Set.of("-a"))
                .expect(0, 0, "[-a app_name] [-q] [-u] [-c] [-j] [-o file]");
        String only = a.value("-a", null);
        List<AppConfig> configs = new ArrayList<>();
        if (only != null) {
            configs.add(s.backend.queryConfig(only));
        } else {
            for (TableInfo t : s.backend.listApps(false)) {
                configs.add(s.backend.queryConfig(t.name()));
            }
        }
        boolean cumulative = a.has("-c");
        NodeMetrics.Sampled sampled = cumulative
                ? new NodeMetrics.Sampled(Map.of(), NodeMetrics.fetchReplicaServers(s, "types=replica"), 0)
                : NodeMetrics.sample(s, "types=replica");
        boolean requests = a.has("-q") || !a.has("-u");
        boolean usage = a.has("-u") || !a.has("-q");
        List<String> columns = new ArrayList<>();
        columns.add(only != null ? "pidx" : "app_name");
        if (requests) {
            columns.addAll(REQUEST_COLUMNS.keySet());
        }
        if (usage) {
            columns.addAll(USAGE_COLUMNS);
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        int width = REQUEST_COLUMNS.size() + USAGE_COLUMNS.size();
        for (AppConfig config : configs) {
            for (PartitionInfo p : config.partitions()) {
                String rowName = only != null ? Integer.toString(p.index()) : config.name();
                double[] row = rows.computeIfAbsent(rowName, k -> new double[width]);
                if (p.primary() == null) {
                    continue;
                }
                Entity now = replica(sampled.after().get(p.primary()), config.appId(), p.index());
                Entity then = replica(sampled.before().get(p.primary()), config.appId(), p.index());
                int i = 0;
                for (String metric : REQUEST_COLUMNS.values()) {
                    long n = now == null ? 0 : now.value(metric);
                    if (cumulative) {
                        row[i] += n;
                    } else if (sampled.seconds() > 0 && then != null) {
                        row[i] += Math.max(0, n - then.value(metric)) / sampled.seconds();
                    }
                    i++;
                }
                if (now != null) {
                    row[i + 3] += now.value("rdb_total_sst_size_mb");
                    row[i + 4] += now.value("rdb_total_sst_files");
                }
            }
        }
        double[] total = new double[width];
        rows.values().forEach(r -> {
            for (int i = 0; i < width; i++) {
                total[i] += r[i];
            }
        });
        rows.put("(total:" + rows.size() + ")", total);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, double[]> r : rows.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(columns.get(0), r.getKey());
            int i = 0;
            for (String c : REQUEST_COLUMNS.keySet()) {
                if (requests) {
                    row.put(
                            c,
                            cumulative ? Long.toString((long) r.getValue()[i]) : NodeMetrics.decimal(r.getValue()[i]));
                }
                i++;
            }
            for (String c : USAGE_COLUMNS) {
                if (usage) {
                    row.put(c, Long.toString((long) r.getValue()[i]));
                }
                i++;
            }
            out.add(row);
        }
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            for (Map<String, Object> row : out) {
                Map<String, Object> values = new LinkedHashMap<>(row);
                values.remove(columns.get(0));
                doc.put(String.valueOf(row.get(columns.get(0))), values);
            }
            s.out.println(Format.json(Map.of("app_stat", doc)));
            return;
        }
        TableCommands.printRows(s, out, columns);
    }

    /**
     * {@code app_disk <app> [-d] [-j]}: the storage of the table's primaries and of all its replicas (MB, from each
     * replica's {@code rdb_total_sst_size_mb}); with {@code -d} per partition, {@code node(size)} for each member.
     */
    private static void appDisk(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("app_disk", words, Set.of("-d", "-j"), Set.of())
                .expect(1, 1, "<app_name> [-d] [-j] [-o file]");
        AppConfig config = s.backend.queryConfig(a.get(0));
        Map<String, MetricsDocument> docs =
                NodeMetrics.fetchReplicaServers(s, "types=replica&attributes=table_id," + config.appId());
        long primaryMb = 0;
        long allMb = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PartitionInfo p : config.partitions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pidx", p.index());
            row.put("ballot", p.ballot());
            row.put("replica_count", p.memberCount() + "/" + p.maxReplicaCount());
            String primary = "-";
            if (p.primary() != null) {
                long mb = size(docs, p.primary(), config.appId(), p.index());
                primaryMb += mb;
                allMb += mb;
                primary = p.primary() + "(" + mb + ")";
            }
            List<String> secondaries = new ArrayList<>();
            for (String sec : p.secondaries()) {
                long mb = size(docs, sec, config.appId(), p.index());
                allMb += mb;
                secondaries.add(sec + "(" + mb + ")");
            }
            row.put("primary", primary);
            row.put("secondaries", "[" + String.join(",", secondaries) + "]");
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("app_name", config.name());
        summary.put("app_id", config.appId());
        summary.put("partition_count", config.partitionCount());
        summary.put("max_replica_count", config.maxReplicaCount());
        summary.put("disk_used_for_primary_replicas(MB)", primaryMb);
        summary.put("disk_used_for_all_replicas(MB)", allMb);
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("general", summary);
            if (a.has("-d")) {
                doc.put("details", rows);
            }
            s.out.println(Format.json(doc));
            return;
        }
        Map<String, String> text = new LinkedHashMap<>();
        summary.forEach((k, v) -> text.put(k, String.valueOf(v)));
        Format.pairs(s.out, text);
        if (a.has("-d")) {
            s.out.println();
            TableCommands.printRows(s, rows, List.of("pidx", "ballot", "replica_count", "primary", "secondaries"));
        }
    }

    private static long size(Map<String, MetricsDocument> docs, String node, int appId, int pidx) {
        Entity e = replica(docs.get(node), appId, pidx);
        return e == null ? 0 : e.value("rdb_total_sst_size_mb");
    }

    /** The replica entity of {@code appId.pidx} in {@code doc}, or null. */
    static Entity replica(MetricsDocument doc, int appId, int pidx) {
        if (doc == null) {
            return null;
        }
        for (Entity e : doc.ofType("replica")) {
            if (String.valueOf(appId).equals(e.attributes().get("table_id"))
                    && String.valueOf(pidx).equals(e.attributes().get("partition_id"))) {
                return e;
            }
        }
        return null;
    }
}
