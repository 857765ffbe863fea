package io.enif.shell;

import io.enif.client.TableInfo;
import io.enif.shell.ShellBackend.NodeInfo;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The cluster commands: nodes, cluster_info, get_meta_level, set_meta_level. */
final class ClusterCommands {
    private ClusterCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("nodes", ClusterCommands::nodes);
        commands.put("cluster_info", ClusterCommands::clusterInfo);
        commands.put("get_meta_level", ClusterCommands::getMetaLevel);
        commands.put("set_meta_level", ClusterCommands::setMetaLevel);
    }

    private static void nodes(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("nodes", words, Set.of("-d", "-j", "-u", "-q"), Set.of("-s", "-p"))
                .expect(0, 0, "[-d] [-j] [-u] [-q] [-p 50|90|95|99|999] [-s all|alive|unalive]");
        NodeStats.checkPercentile(a.value("-p", null));
        String filter = a.value("-s", "all");
        if (!Set.of("all", "alive", "unalive").contains(filter)) {
            throw new UsageException("nodes: -s must be all, alive or unalive, got '" + filter + "'");
        }
        Map<String, int[]> counts = new TreeMap<>();
        if (a.has("-d")) {
            for (TableInfo t : s.backend.listApps(false)) {
                for (PartitionInfo p : s.backend.queryConfig(t.name()).partitions()) {
                    if (p.primary() != null) {
                        counts.computeIfAbsent(p.primary(), k -> new int[2])[0]++;
                    }
                    for (String sec : p.secondaries()) {
                        counts.computeIfAbsent(sec, k -> new int[2])[1]++;
                    }
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int alive = 0;
        List<NodeInfo> nodes = new ArrayList<>(s.backend.listNodes());
        nodes.sort((x, y) -> x.address().compareTo(y.address()));
        for (NodeInfo n : nodes) {
            alive += n.alive() ? 1 : 0;
            if (filter.equals("alive") && !n.alive() || filter.equals("unalive") && n.alive()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("address", n.address());
            row.put("status", n.alive() ? "ALIVE" : "UNALIVE");
            if (a.has("-d")) {
                int[] c = counts.getOrDefault(n.address(), new int[2]);
                row.put("replica_count", c[0] + c[1]);
                row.put("primary_count", c[0]);
                row.put("secondary_count", c[1]);
            }
            rows.add(row);
        }
        List<String> statColumns = NodeStats.addColumns(s, rows, a.has("-u"), a.has("-q"), a.value("-p", null));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_node_count", nodes.size());
        summary.put("alive_node_count", alive);
        summary.put("unalive_node_count", nodes.size() - alive);
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("details", rows);
            doc.put("summary", summary);
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println("[details]");
        List<String> columns = new ArrayList<>(
                a.has("-d")
                        ? List.of("address", "status", "replica_count", "primary_count", "secondary_count")
                        : List.of("address", "status"));
        columns.addAll(statColumns);
        TableCommands.printRows(s, rows, columns);
        s.out.println();
        s.out.println("[summary]");
        Map<String, String> text = new LinkedHashMap<>();
        summary.forEach((k, v) -> text.put(k, String.valueOf(v)));
        Format.pairs(s.out, text);
        s.out.println();
        s.out.println("list nodes succeed");
    }

    private static void clusterInfo(Session s, List<String> words) {
        CommandArgs a =
                CommandArgs.parse("cluster_info", words, Set.of("-j"), Set.of()).expect(0, 0, "[-j]");
        Map<String, String> info = s.backend.clusterInfo();
        if (a.has("-j")) {
            s.out.println(Format.json(Map.of("cluster_info", info)));
            return;
        }
        s.out.println("[cluster_info]");
        Format.pairs(s.out, info);
    }

    private static void getMetaLevel(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("get_meta_level", words, Set.of("-j"), Set.of())
                .expect(0, 0, "[-j]");
        String level = s.backend.metaLevel();
        s.out.println(a.has("-j") ? Format.json(Map.of("meta_level", level)) : "current meta level is " + level);
    }

    private static void setMetaLevel(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("set_meta_level", words, Set.of(), Set.of())
                .expect(1, 1, "<stopped|blind|freezed|steady|lively>");
        String level = a.get(0);
        if (!Set.of("stopped", "blind", "freezed", "steady", "lively").contains(level)) {
            throw new UsageException("USAGE: set_meta_level <stopped|blind|freezed|steady|lively>");
        }
        String old = s.backend.setMetaLevel("fl_" + level);
        s.out.println("control meta level ok, the old level is " + old);
    }
}
