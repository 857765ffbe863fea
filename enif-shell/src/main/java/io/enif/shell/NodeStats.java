package io.enif.shell;

import io.enif.common.metrics.MetricsDocument;
import io.enif.common.metrics.MetricsDocument.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource and traffic columns of {@code nodes} (spec/ops-cluster.md §3.2), read from each alive replica
 * server's {@code /metrics}: {@code -u} memory and disk, {@code -q} QPS and capacity units per second (two reads a
 * pause apart), {@code -p <50|90|95|99|999>} latency in milliseconds (the largest of the node's replicas). An unalive
 * node shows 0.
 */
final class NodeStats {
    private static final Set<String> PERCENTILES = Set.of("50", "90", "95", "99", "999");
    private static final double MB = 1 << 20;

    private NodeStats() {}

    /** Checks {@code -p}'s value; null passes (no latency columns). */
    static void checkPercentile(String p) {
        if (p != null && !PERCENTILES.contains(p)) {
            throw new UsageException("nodes: -p must be one of 50, 90, 95, 99, 999, got '" + p + "'");
        }
    }

    /**
     * Adds the asked columns to {@code rows} (each with an {@code address}) and returns their names in order.
     *
     * @param usage {@code -u}
     * @param qps {@code -q}
     * @param percentile {@code -p}'s value, or null
     */
    static List<String> addColumns(
            Session s, List<Map<String, Object>> rows, boolean usage, boolean qps, String percentile) {
        List<String> columns = new ArrayList<>();
        if (!usage && !qps && percentile == null) {
            return columns;
        }
        NodeMetrics.Sampled sampled = qps
                ? NodeMetrics.sample(s, "types=server,replica")
                : new NodeMetrics.Sampled(Map.of(), NodeMetrics.fetchReplicaServers(s, "types=server,replica"), 0);
        Map<String, MetricsDocument> now = sampled.after();
        if (usage) {
            columns.addAll(List.of(
                    "memused_res_mb",
                    "block_cache_mb",
                    "mem_tbl_mb",
                    "mem_idx_mb",
                    "disk_avl_total_ratio",
                    "disk_avl_min_ratio"));
        }
        if (qps) {
            columns.addAll(List.of("get_qps", "mget_qps", "read_cu", "put_qps", "mput_qps", "write_cu"));
        }
        String p = percentile == null ? null : "p" + percentile;
        if (p != null) {
            columns.addAll(
                    List.of("get_" + p + "(ms)", "mget_" + p + "(ms)", "put_" + p + "(ms)", "mput_" + p + "(ms)"));
        }
        for (Map<String, Object> row : rows) {
            String node = String.valueOf(row.get("address"));
            MetricsDocument doc = now.get(node);
            if (usage) {
                row.put("memused_res_mb", doc == null ? 0 : NodeMetrics.server(doc, "resident_mem_usage_mb"));
                row.put(
                        "block_cache_mb",
                        doc == null ? 0 : (long) (NodeMetrics.server(doc, "rdb_block_cache_mem_usage_bytes") / MB));
                row.put("mem_tbl_mb", (long) (replicaSum(doc, "rdb_memtable_mem_usage_bytes") / MB));
                row.put("mem_idx_mb", (long) (replicaSum(doc, "rdb_index_and_filter_blocks_mem_usage_bytes") / MB));
                row.put(
                        "disk_avl_total_ratio",
                        doc == null ? 0 : NodeMetrics.server(doc, "disk_available_total_ratio"));
                row.put("disk_avl_min_ratio", doc == null ? 0 : NodeMetrics.server(doc, "disk_available_min_ratio"));
            }
            if (qps) {
                row.put("get_qps", rate(sampled, node, "get_requests"));
                row.put("mget_qps", rate(sampled, node, "multi_get_requests"));
                row.put("read_cu", rate(sampled, node, "read_capacity_units"));
                row.put("put_qps", rate(sampled, node, "put_requests"));
                row.put("mput_qps", rate(sampled, node, "multi_put_requests"));
                row.put("write_cu", rate(sampled, node, "write_capacity_units"));
            }
            if (p != null) {
                row.put("get_" + p + "(ms)", latencyMs(doc, "get_latency_ns", p));
                row.put("mget_" + p + "(ms)", latencyMs(doc, "multi_get_latency_ns", p));
                row.put("put_" + p + "(ms)", latencyMs(doc, "put_latency_ns", p));
                row.put("mput_" + p + "(ms)", latencyMs(doc, "multi_put_latency_ns", p));
            }
        }
        return columns;
    }

    private static String rate(NodeMetrics.Sampled sampled, String node, String name) {
        return NodeMetrics.decimal(sampled.rate(node, "replica", name, e -> true));
    }

    private static long replicaSum(MetricsDocument doc, String name) {
        return NodeMetrics.sum(doc, "replica", name, e -> true);
    }

    private static String latencyMs(MetricsDocument doc, String name, String field) {
        long max = 0;
        if (doc != null) {
            for (Entity e : doc.ofType("replica")) {
                max = Math.max(max, e.field(name, field));
            }
        }
        return NodeMetrics.decimal(max / 1e6);
    }
}
