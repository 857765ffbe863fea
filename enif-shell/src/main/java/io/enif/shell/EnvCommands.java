package io.enif.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The table-env commands that delete: del_app_envs and clear_app_envs (get/set are in {@link TableCommands}). */
final class EnvCommands {
    private EnvCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("del_app_envs", EnvCommands::delAppEnvs);
        commands.put("clear_app_envs", EnvCommands::clearAppEnvs);
    }

    private static void delAppEnvs(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("del_app_envs", words, Set.of("-j"), Set.of())
                .expect(1, Integer.MAX_VALUE, "<key> [key...] [-j]");
        String report = s.backend.delAppEnvs(currentName(s), a.positional());
        print(s, a, "del app envs succeed", report);
    }

    private static void clearAppEnvs(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("clear_app_envs", words, Set.of("-a", "-j"), Set.of("-p"))
                .expect(0, 0, "<-a | -p prefix> [-j]");
        if (a.has("-a") == a.hasValue("-p")) {
            throw new UsageException("USAGE: clear_app_envs <-a | -p prefix>: give either -a (all) or -p prefix");
        }
        String prefix = a.has("-a") ? "" : a.value("-p", "");
        if (!a.has("-a") && prefix.isEmpty()) {
            throw new UsageException("clear_app_envs: -p prefix must not be empty (use -a to clear every env)");
        }
        String report = s.backend.clearAppEnvs(currentName(s), prefix);
        print(s, a, "clear app envs succeed", report);
    }

    private static void print(Session s, CommandArgs a, String done, String report) {
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("result", "succeed");
            doc.put("hint", report == null ? "" : report);
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println(done);
        if (report != null && !report.isEmpty()) {
            s.out.println(report);
        }
    }

    private static String currentName(Session s) {
        s.table();
        return s.tableName();
    }
}
