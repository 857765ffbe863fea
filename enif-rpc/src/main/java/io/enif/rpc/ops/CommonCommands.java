package io.enif.rpc.ops;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigDump;
import io.enif.rpc.command.CommandReplies;
import io.enif.rpc.command.RemoteCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The remote commands every role has ({@code spec/ops-cluster.md} §4.2): {@code config-dump}, {@code server-info},
 * {@code server-stat}, {@code flush-log} and {@code reset-log-start-level}.
 */
final class CommonCommands {
    private CommonCommands() {}

    static List<RemoteCommand> all(Config config, ServerInfo info, Supplier<Map<String, String>> stats) {
        return List.of(
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
