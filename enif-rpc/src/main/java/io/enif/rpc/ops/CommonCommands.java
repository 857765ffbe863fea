package io.enif.rpc.ops;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigDump;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.command.CommandReplies;
import io.enif.rpc.command.RemoteCommand;
import io.enif.rpc.command.RemoteCommandService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The remote commands every role has ({@code spec/ops-cluster.md} §4.2): {@code config-dump}, {@code server-info},
 * {@code server-stat}, {@code flush-log}, {@code reset-log-start-level}, and reduced forms of rDSN's runtime
 * commands ({@code engine}, {@code task-code}, {@code system.queue}, {@code task.queue_max_length}).
 */
final class CommonCommands {
    private CommonCommands() {}

    static List<RemoteCommand> all(
            Config config, ServerInfo info, Supplier<Map<String, String>> stats, RpcDispatcher dispatcher) {
        return List.of(
                RemoteCommand.of(
                        "engine",
                        "",
                        "The process's runtime in brief (JVM, threads, heap); Enif's reduced form",
                        args -> CommandReplies.ok(engine())),
                RemoteCommand.of(
                        "task-code",
                        "",
                        "The RPC message names this server handles",
                        args -> CommandReplies.ok("task_codes", String.join(",", dispatcher.names()))),
                RemoteCommand.of(
                        "system.queue",
                        "",
                        "Queued work: Enif runs each partition on a lane and reports none here (reduced form)",
                        args -> CommandReplies.ok("queues", "")),
                RemoteCommand.of(
                        "task.queue_max_length",
                        "",
                        "The longest queue of waiting remote commands",
                        args -> CommandReplies.ok(
                                "task.queue_max_length", String.valueOf(RemoteCommandService.QUEUE_LIMIT))),
                RemoteCommand.of(
                        "config-dump",
                        "[target_file]",
                        "The effective configuration as ini text, or written to a file on the server",
                        args -> configDump(config, args)),
                RemoteCommand.of(
                        "server-info",
                        "",
                        "The server's version, build type, commit and start time",
                        args -> args.isEmpty()
                                ? CommandReplies.ok(info.toServerInfo())
                                : CommandReplies.error("server-info takes no arguments")),
                RemoteCommand.of(
                        "server-stat",
                        "",
                        "A brief summary of the server's state",
                        args -> args.isEmpty()
                                ? CommandReplies.ok(stats.get())
                                : CommandReplies.error("server-stat takes no arguments")),
                RemoteCommand.of(
                        "flush-log",
                        "",
                        "Flush the log buffers (Enif's appenders write through, so this only confirms)",
                        args -> args.isEmpty()
                                ? CommandReplies.ok()
                                : CommandReplies.error("flush-log takes no arguments")),
                RemoteCommand.of(
                        "reset-log-start-level",
                        "[DEBUG|INFO|WARNING|ERROR|FATAL]",
                        "Show or change the minimum level of the log (in memory only)",
                        CommonCommands::logLevel));
    }

    private static Map<String, String> engine() {
        Runtime runtime = Runtime.getRuntime();
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put("java_version", System.getProperty("java.version"));
        engine.put("processors", String.valueOf(runtime.availableProcessors()));
        engine.put("threads", String.valueOf(Thread.activeCount()));
        engine.put("heap_used_bytes", String.valueOf(runtime.totalMemory() - runtime.freeMemory()));
        engine.put("heap_max_bytes", String.valueOf(runtime.maxMemory()));
        return engine;
    }

    private static String configDump(Config config, List<String> args) {
        if (args.isEmpty()) {
            return ConfigDump.toIni(config);
        }
        if (args.size() > 1) {
            return CommandReplies.error("config-dump takes at most one argument, the target file");
        }
        Path target = Paths.get(args.get(0));
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, ConfigDump.toIni(config), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return CommandReplies.error("cannot write " + target + ": " + e.getMessage());
        }
        return CommandReplies.ok("file", target.toAbsolutePath().toString());
    }

    private static String logLevel(List<String> args) {
        if (!LogLevels.available()) {
            return CommandReplies.error("the log levels of this process cannot be changed (logback is not in use)");
        }
        if (args.isEmpty()) {
            return CommandReplies.ok("reset-log-start-level", LogLevels.current());
        }
        if (args.size() > 1) {
            return CommandReplies.error("reset-log-start-level takes one level");
        }
        try {
            LogLevels.set(args.get(0));
        } catch (IllegalArgumentException e) {
            return CommandReplies.error(e.getMessage());
        }
        return CommandReplies.ok();
    }
}
