package io.enif.rpc.command;

import io.enif.common.config.ConfigJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply texts of remote commands, in Pegasus 2.6's JSON form (DESIGN §10): {@code {"error":"ok"}} after a
 * change, {@code {"error":"ok","<name>":"<value>"}} for a read, {@code {"error":"ERR: <message>"}} for a refusal.
 * Every success contains {@code ok}, which the shipped runbook scripts grep for.
 */
public final class CommandReplies {
    private CommandReplies() {}

    /** {@code {"error":"ok"}}. */
    public static String ok() {
        return ConfigJson.write(Map.of("error", "ok"));
    }

    /** {@code {"error":"ok","<name>":"<value>"}}. */
    public static String ok(String name, String value) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("error", "ok");
        reply.put(name, value);
        return ConfigJson.write(reply);
    }

    /** {@code {"error":"ok", ...fields}} with the fields in order. */
    public static String ok(Map<String, ?> fields) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("error", "ok");
        reply.putAll(fields);
        return ConfigJson.write(reply);
    }

    /** {@code {"error":"ERR: <message>"}}: the command refused its arguments and changed nothing. */
    public static String error(String message) {
        return ConfigJson.write(Map.of("error", "ERR: " + message));
    }

    /** The reply to a command this process does not have: {@code unknown command '<name>'}, as Pegasus answers. */
    public static String unknown(String name) {
        return "unknown command '" + name + "'";
    }
}
