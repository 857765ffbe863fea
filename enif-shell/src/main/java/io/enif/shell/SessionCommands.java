package io.enif.shell;

import io.enif.proto.key.KeyCodec;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The session commands: version, timeout, escape_all, cc (change cluster) and hash. */
final class SessionCommands {
    private SessionCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("version", SessionCommands::version);
        commands.put("timeout", SessionCommands::timeout);
        commands.put("escape_all", SessionCommands::escapeAll);
        commands.put("cc", SessionCommands::changeCluster);
        commands.put("hash", SessionCommands::hash);
    }

    private static void version(Session s, List<String> words) {
        CommandArgs.parse("version", words, Set.of(), Set.of()).expect(0, 0, "");
        String v = Shell.class.getPackage().getImplementationVersion();
        s.out.println("Enif Shell " + (v == null ? "0.1.0-SNAPSHOT" : v));
    }

    private static void timeout(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("timeout", words, Set.of(), Set.of()).expect(0, 1, "[time_in_ms]");
        if (!a.positional().isEmpty()) {
            int ms = CommandArgs.toInt("timeout", "time_in_ms", a.get(0));
            if (ms <= 0) {
                throw new UsageException("timeout: must be positive");
            }
            s.timeoutMillis = ms;
        }
        s.out.println("Current timeout: " + s.timeoutMillis + " ms");
    }

    private static void escapeAll(Session s, List<String> words) {
        CommandArgs a =
                CommandArgs.parse("escape_all", words, Set.of(), Set.of()).expect(0, 1, "[true|false]");
        if (!a.positional().isEmpty()) {
            s.escapeAll = CommandArgs.toBool("escape_all", "the value", a.get(0));
        }
        s.out.println("Current escape_all: " + s.escapeAll);
    }

    private static void changeCluster(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("cc", words, Set.of(), Set.of("--cluster"))
                .expect(0, 1, "[meta_server_list] (host:port,...)");
        String target = a.positional().isEmpty() ? a.value("--cluster", null) : a.get(0);
        if (target != null) {
            for (String meta : target.split(",")) {
                int colon = meta.lastIndexOf(':');
                if (colon <= 0 || !meta.substring(colon + 1).matches("\\d{1,5}")) {
                    throw new UsageException("cc: '" + meta + "' is not host:port (give the meta server list)");
                }
            }
            s.switchTo(s.backend.connectTo(target));
        }
        s.out.println("Current cluster meta_server_list: " + s.backend.metaServers());
    }

    private static void hash(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("hash", words, Set.of("-j"), Set.of()).expect(2, 2, "<hash_key> <sort_key>");
        byte[] hk = Format.bytes(a.get(0));
        byte[] sk = Format.bytes(a.get(1));
        long hash = KeyCodec.partitionHash(KeyCodec.encode(hk, sk));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("key_hash", Long.toUnsignedString(hash));
        if (s.tableName() != null) {
            AppConfig config = s.backend.queryConfig(s.tableName());
            int index = config.partitionCount() <= 0 ? -1 : KeyCodec.partitionIndex(hash, config.partitionCount());
            info.put("app_name", s.tableName());
            info.put("app_id", config.appId());
            info.put("partition_count", config.partitionCount());
            info.put("partition_index", index);
            for (PartitionInfo p : config.partitions()) {
                if (p.index() == index) {
                    info.put("primary", p.primary() == null ? "-" : p.primary());
                    info.put("secondaries", String.join(",", p.secondaries()));
                }
            }
        }
        if (a.has("-j")) {
            s.out.println(Format.json(info));
            return;
        }
        Map<String, String> text = new LinkedHashMap<>();
        info.forEach((k, v) -> text.put(k, String.valueOf(v)));
        Format.pairs(s.out, text);
    }
}
