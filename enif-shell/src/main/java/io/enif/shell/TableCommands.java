package io.enif.shell;

import io.enif.client.TableInfo;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The table commands: use, ls, app, create, drop, recall, get_app_envs, set_app_envs. */
final class TableCommands {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss").withZone(ZoneId.systemDefault());

    private TableCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("use", TableCommands::use);
        commands.put("ls", TableCommands::ls);
        commands.put("app", TableCommands::app);
        commands.put("create", TableCommands::create);
        commands.put("drop", TableCommands::drop);
        commands.put("recall", TableCommands::recall);
        commands.put("get_app_envs", TableCommands::getAppEnvs);
        commands.put("set_app_envs", TableCommands::setAppEnvs);
    }

    private static void use(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("use", words, Set.of(), Set.of()).expect(0, 1, "[app_name]");
        if (a.positional().isEmpty()) {
            s.out.println(s.tableName() == null ? "no table selected" : s.tableName());
            return;
        }
        s.use(a.get(0));
        s.out.println("OK");
    }

    private static String time(long seconds) {
        return seconds <= 0 ? "-" : TIME.format(Instant.ofEpochSecond(seconds));
    }

    private static void ls(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("ls", words, Set.of("-a", "-d", "-j"), Set.of("-s"))
                .expect(0, 0, "[-a] [-d] [-j] [-s status]");
        String status = a.value("-s", "all");
        List<TableInfo> apps = new ArrayList<>();
        for (TableInfo t : s.backend.listApps(a.has("-a") || !status.equals("all"))) {
            if (status.equals("all") || t.status().equalsIgnoreCase("AS_" + status)) {
                apps.add(t);
            }
        }
        apps.sort((x, y) -> Integer.compare(x.appId(), y.appId()));
        List<Map<String, Object>> general = new ArrayList<>();
        for (TableInfo t : apps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("app_id", t.appId());
            row.put("status", t.status());
            row.put("app_name", t.name());
            row.put("app_type", "pegasus");
            row.put("partition_count", t.partitionCount());
            row.put("replica_count", t.replicaCount());
            row.put("is_stateful", true);
            row.put("create_time", time(t.createSecond()));
            row.put("drop_time", time(t.dropSecond()));
            row.put("drop_expire_time", "-");
            row.put("envs_count", t.envs().size());
            general.add(row);
        }
        List<Map<String, Object>> healthRows = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (a.has("-d")) {
            int fully = 0, unhealthy = 0, write = 0, read = 0;
            for (TableInfo t : apps) {
                if (!"AS_AVAILABLE".equals(t.status())) {
                    continue;
                }
                Health h = Health.of(s.backend.queryConfig(t.name()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("app_id", t.appId());
                row.put("app_name", t.name());
                row.put("partition_count", h.partitionCount());
                row.put("fully_healthy", h.fullyHealthy());
                row.put("unhealthy", h.unhealthy());
                row.put("write_unhealthy", h.writeUnhealthy());
                row.put("read_unhealthy", h.readUnhealthy());
                healthRows.add(row);
                fully += h.isFullyHealthy() ? 1 : 0;
                unhealthy += h.isFullyHealthy() ? 0 : 1;
                write += h.writeUnhealthy() > 0 ? 1 : 0;
                read += h.readUnhealthy() > 0 ? 1 : 0;
            }
            summary.put("total_app_count", healthRows.size());
            summary.put("fully_healthy_app_count", fully);
            summary.put("unhealthy_app_count", unhealthy);
            summary.put("write_unhealthy_app_count", write);
            summary.put("read_unhealthy_app_count", read);
        }
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("general_info", general);
            if (a.has("-d")) {
                doc.put("healthy_app_info", healthRows);
                doc.put("summary", summary);
            }
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println("[general_info]");
        printRows(
                s,
                general,
                List.of(
                        "app_id",
                        "status",
                        "app_name",
                        "app_type",
                        "partition_count",
                        "replica_count",
                        "is_stateful",
                        "create_time",
                        "drop_time",
                        "drop_expire_time",
                        "envs_count"));
        if (a.has("-d")) {
            s.out.println();
            s.out.println("[healthy_info]");
            printRows(
                    s,
                    healthRows,
                    List.of(
                            "app_id",
                            "app_name",
                            "partition_count",
                            "fully_healthy",
                            "unhealthy",
                            "write_unhealthy",
                            "read_unhealthy"));
            s.out.println();
            s.out.println("[summary]");
            Map<String, String> text = new LinkedHashMap<>();
            summary.forEach((k, v) -> text.put(k, String.valueOf(v)));
            Format.pairs(s.out, text);
        }
        s.out.println();
        s.out.println("list apps succeed");
    }

    static void printRows(Session s, List<Map<String, Object>> rows, List<String> columns) {
        List<List<String>> table = new ArrayList<>();
        table.add(columns);
        for (Map<String, Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (String c : columns) {
                line.add(String.valueOf(row.get(c)));
            }
            table.add(line);
        }
        Format.table(s.out, table);
    }

    private static void app(Session s, List<String> words) {
        CommandArgs a =
                CommandArgs.parse("app", words, Set.of("-d", "-j"), Set.of()).expect(1, 1, "<app_name> [-d] [-j]");
        String name = a.get(0);
        AppConfig config = s.backend.queryConfig(name);
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("app_name", name);
        general.put("app_id", config.appId());
        general.put("partition_count", config.partitionCount());
        general.put("max_replica_count", config.maxReplicaCount());
        List<Map<String, Object>> replicas = new ArrayList<>();
        Map<String, int[]> nodes = new TreeMap<>();
        for (PartitionInfo p : config.partitions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pidx", p.index());
            row.put("ballot", p.ballot());
            row.put("replica_count", p.memberCount() + "/" + p.maxReplicaCount());
            row.put("primary", p.primary() == null ? "-" : p.primary());
            row.put("secondaries", "[" + String.join(",", p.secondaries()) + "]");
            replicas.add(row);
            if (p.primary() != null) {
                nodes.computeIfAbsent(p.primary(), k -> new int[2])[0]++;
            }
            for (String sec : p.secondaries()) {
                nodes.computeIfAbsent(sec, k -> new int[2])[1]++;
            }
        }
        List<Map<String, Object>> nodeRows = new ArrayList<>();
        nodes.forEach((node, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("node", node);
            row.put("primary", counts[0]);
            row.put("secondary", counts[1]);
            row.put("total", counts[0] + counts[1]);
            nodeRows.add(row);
        });
        Map<String, Object> totalRow = new LinkedHashMap<>();
        totalRow.put("node", "total");
        totalRow.put(
                "primary",
                nodeRows.stream().mapToInt(r -> (int) r.get("primary")).sum());
        totalRow.put(
                "secondary",
                nodeRows.stream().mapToInt(r -> (int) r.get("secondary")).sum());
        totalRow.put(
                "total", nodeRows.stream().mapToInt(r -> (int) r.get("total")).sum());
        nodeRows.add(totalRow);
        Health h = Health.of(config);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("fully_healthy_partition_count", h.fullyHealthy());
        health.put("unhealthy_partition_count", h.unhealthy());
        health.put("write_unhealthy_partition_count", h.writeUnhealthy());
        health.put("read_unhealthy_partition_count", h.readUnhealthy());
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("general", general);
            if (a.has("-d")) {
                doc.put("replicas", replicas);
                doc.put("nodes", nodeRows);
                doc.put("healthy", health);
            }
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println("[general]");
        printRows(s, List.of(general), List.copyOf(general.keySet()));
        if (a.has("-d")) {
            s.out.println();
            s.out.println("[replicas]");
            printRows(s, replicas, List.of("pidx", "ballot", "replica_count", "primary", "secondaries"));
            s.out.println();
            s.out.println("[nodes]");
            printRows(s, nodeRows, List.of("node", "primary", "secondary", "total"));
            s.out.println();
            s.out.println("[healthy]");
            Map<String, String> text = new LinkedHashMap<>();
            health.forEach((k, v) -> text.put(k, String.valueOf(v)));
            Format.pairs(s.out, text);
        }
        s.out.println();
        s.out.println("list app " + name + " succeed");
    }

    private static void create(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("create", words, Set.of(), Set.of("-p", "-r", "-e"))
                .expect(1, 1, "<app_name> [-p partition_count] [-r replica_count] [-e k=v,...]");
        String name = a.get(0);
        int partitions = a.intValue("-p", 4);
        int replicas = a.intValue("-r", 3);
        if (partitions < 1 || Integer.bitCount(partitions) != 1) {
            throw new UsageException("create: partition count must be a power of two, got " + partitions);
        }
        if (replicas < 1) {
            throw new UsageException("create: replica count must be at least 1, got " + replicas);
        }
        Map<String, String> envs = new LinkedHashMap<>();
        String envText = a.value("-e", "");
        for (String pair : envText.isEmpty() ? new String[0] : envText.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("create: envs must be k=v,..., got '" + pair + "'");
            }
            envs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        s.backend.createApp(name, partitions, replicas, envs);
        s.out.println("create app \"" + name + "\" succeed, waiting for app ready");
        waitHealthy(s, name);
    }

    /** Polls query_cfg until every partition is fully healthy, printing "(k/N)" progress. */
    static void waitHealthy(Session s, String name) {
        for (int round = 0; ; round++) {
            Health h = Health.of(s.backend.queryConfig(name));
            if (h.isFullyHealthy()) {
                s.out.println(name + " is ready now: (" + h.fullyHealthy() + "/" + h.partitionCount() + ")");
                s.out.println(name + " is ready now!");
                s.out.flush();
                return;
            }
            if (round >= s.pollLimit) {
                throw new UsageException(
                        name + " is not ready in time: (" + h.fullyHealthy() + "/" + h.partitionCount() + ")");
            }
            s.out.println(
                    name + " not ready yet, still waiting... (" + h.fullyHealthy() + "/" + h.partitionCount() + ")");
            s.out.flush();
            s.pause.run();
        }
    }

    private static void drop(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("drop", words, Set.of(), Set.of("-r"))
                .expect(1, 1, "<app_name> [-r reserve_seconds]");
        String name = a.get(0);
        s.backend.dropApp(name, a.intValue("-r", -1));
        s.forget(name);
        s.out.println("drop app " + name + " succeed");
    }

    private static void recall(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("recall", words, Set.of(), Set.of()).expect(1, 2, "<app_id> [new_app_name]");
        int appId = CommandArgs.toInt("recall", "app_id", a.get(0));
        String newName = a.positional().size() == 2 ? a.get(1) : "";
        String name = s.backend.recallApp(appId, newName);
        s.out.println("recall app ok, id(" + appId + "), name(" + name + "), wait it ready");
        waitHealthy(s, name);
        s.out.println("recall app " + appId + " succeed");
    }

    private static void getAppEnvs(Session s, List<String> words) {
        CommandArgs a =
                CommandArgs.parse("get_app_envs", words, Set.of("-j"), Set.of()).expect(0, 0, "[-j]");
        String name = currentName(s);
        Map<String, String> envs = new TreeMap<>();
        for (TableInfo t : s.backend.listApps(false)) {
            if (t.name().equals(name)) {
                envs.putAll(t.envs());
            }
        }
        if (a.has("-j")) {
            s.out.println(Format.json(envs));
            return;
        }
        s.out.println("[app_envs]");
        Format.pairs(s.out, envs);
    }

    private static void setAppEnvs(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("set_app_envs", words, Set.of(), Set.of())
                .expect(2, Integer.MAX_VALUE, "<key> <value> [key value...]");
        if (a.positional().size() % 2 != 0) {
            throw new UsageException("USAGE: set_app_envs <key> <value> [key value...]");
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < a.positional().size(); i += 2) {
            keys.add(a.get(i));
            values.add(a.get(i + 1));
        }
        s.backend.setAppEnvs(currentName(s), keys, values);
        s.out.println("set app envs succeed");
    }

    private static String currentName(Session s) {
        s.table();
        return s.tableName();
    }
}
