package io.enif.shell;

import io.enif.client.EnifClientException;
import io.enif.common.metrics.MetricsDocument;
import io.enif.common.metrics.MetricsDocument.Entity;
import io.enif.shell.ShellBackend.NodeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the JSON form of {@code /metrics} from servers (spec/ops-cluster.md §13.2 B) for the stat commands, and
 * turns two reads into rates.
 */
final class NodeMetrics {
    private NodeMetrics() {}

    /** The metrics of {@code node} that {@code query} selects (a query of {@code /metrics}, e.g. {@code types=replica}). */
    static MetricsDocument fetch(Session s, String node, String query) {
        String body = s.backend.httpGet(node, "/metrics?" + query, s.timeoutMillis);
        try {
            return MetricsDocument.parse(body);
        } catch (IllegalArgumentException e) {
            throw new EnifClientException("bad /metrics answer from " + node + ": " + e.getMessage());
        }
    }

    /** The metrics of every alive replica server, by address, in address order. */
    static Map<String, MetricsDocument> fetchReplicaServers(Session s, String query) {
        Map<String, MetricsDocument> out = new LinkedHashMap<>();
        for (String node : aliveReplicaServers(s)) {
            out.put(node, fetch(s, node, query));
        }
        return out;
    }

    /** The alive replica servers, sorted. */
    static List<String> aliveReplicaServers(Session s) {
        List<String> nodes = new ArrayList<>();
        for (NodeInfo n : s.backend.listNodes()) {
            if (n.alive()) {
                nodes.add(n.address());
            }
        }
        nodes.sort(String::compareTo);
        return nodes;
    }

    /** The server entity's metric {@code name}, 0 when absent. */
    static long server(MetricsDocument doc, String name) {
        for (Entity e : doc.ofType("server")) {
            return e.value(name);
        }
        return 0;
    }

    /**
     * Two reads of the same nodes, {@link Session#pause} apart, for rates: {@code before} and {@code after} by node,
     * and the seconds between them.
     */
    record Sampled(Map<String, MetricsDocument> before, Map<String, MetricsDocument> after, double seconds) {
        /** The rate of counter {@code name} summed over {@code node}'s entities of {@code type} that {@code keep} accepts. */
        double rate(String node, String type, String name, Predicate<Entity> keep) {
            if (seconds <= 0) {
                return 0;
            }
            long delta = sum(after.get(node), type, name, keep) - sum(before.get(node), type, name, keep);
            return Math.max(0, delta) / seconds;
        }
    }

    /** Reads the replica servers twice, {@code s.pause} apart. */
    static Sampled sample(Session s, String query) {
        long start = System.nanoTime();
        Map<String, MetricsDocument> before = fetchReplicaServers(s, query);
        s.pause.run();
        Map<String, MetricsDocument> after = fetchReplicaServers(s, query);
        return new Sampled(before, after, (System.nanoTime() - start) / 1e9);
    }

    /** The sum of {@code name} over the entities of {@code type} that {@code keep} accepts; 0 without a document. */
    static long sum(MetricsDocument doc, String type, String name, Predicate<Entity> keep) {
        if (doc == null) {
            return 0;
        }
        long total = 0;
        for (Entity e : doc.ofType(type)) {
            if (keep.test(e)) {
                total += e.value(name);
            }
        }
        return total;
    }

    /** A rate or ratio with two decimals, as Pegasus prints them. */
    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
