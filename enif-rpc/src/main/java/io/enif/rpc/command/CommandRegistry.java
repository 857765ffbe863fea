package io.enif.rpc.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote commands of one process, by name and alias. {@code help} ({@code h}, {@code H}, {@code Help}) is built
 * in: with no argument it lists every command with its usage and help, with one it shows that command's usage.
 *
 * <p>Commands may come and go while the process runs: a meta server registers its {@code meta.*} commands when it
 * becomes leader and removes them when it steps down ({@code spec/ops-cluster.md} RC-4). Thread-safe.
 */
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<String, RemoteCommand> byName = new ConcurrentHashMap<>();

    /** A registry holding only {@code help}. */
    public CommandRegistry() {
        register(new RemoteCommand(
                "help", List.of("h", "H", "Help"), "[command]", "List the commands, or show one's usage", this::help));
    }

    /**
     * Adds a command under its name and aliases.
     *
     * @throws IllegalArgumentException when a name or alias is taken already (nothing is added then)
     */
    public synchronized CommandRegistry register(RemoteCommand command) {
        Objects.requireNonNull(command, "command");
        List<String> names = new ArrayList<>();
        names.add(command.name());
        names.addAll(command.aliases());
        for (String name : names) {
            if (byName.containsKey(name)) {
                throw new IllegalArgumentException("the remote command " + name + " is registered already");
            }
        }
        names.forEach(name -> byName.put(name, command));
        return this;
    }

    /** Adds several commands; see {@link #register(RemoteCommand)}. */
    public CommandRegistry registerAll(List<RemoteCommand> commands) {
        commands.forEach(this::register);
        return this;
    }

    /** Removes the command of this name (with its aliases); a name not registered is ignored. */
    public synchronized void unregister(String name) {
        RemoteCommand command = byName.get(name);
        if (command != null) {
            byName.values().removeIf(c -> c == command);
        }
    }

    /** The command answering to {@code name}. */
    public Optional<RemoteCommand> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The registered commands (not aliases), sorted by name. */
    public List<RemoteCommand> commands() {
        Map<String, RemoteCommand> sorted = new TreeMap<>();
        byName.values().forEach(c -> sorted.put(c.name(), c));
        return List.copyOf(sorted.values());
    }

    /**
     * Runs a command. An unknown name answers {@code unknown command '<name>'} (not an RPC failure, RC-3); a command
     * that throws answers an error reply, so a bug in one command cannot fail the RPC.
     */
    public String execute(String name, List<String> args) {
        List<String> arguments = args == null ? List.of() : List.copyOf(args);
        RemoteCommand command = byName.get(name == null ? "" : name);
        if (command == null) {
            return CommandReplies.unknown(name);
        }
        try {
            return command.handler().run(arguments);
        } catch (RuntimeException e) {
            LOG.warn("remote command {} {} failed", name, arguments, e);
            return CommandReplies.error(name + " failed: " + e.getMessage());
        }
    }

    private String help(List<String> args) {
        if (args.size() > 1) {
            return CommandReplies.error("help takes at most one command name");
        }
        if (args.size() == 1) {
            return find(args.get(0))
                    .map(c -> "usage: " + c.usageLine() + "\n" + c.help() + "\n")
                    .orElse(CommandReplies.unknown(args.get(0)));
        }
        return commands().stream()
                .map(c -> {
                    String names = c.aliases().isEmpty() ? c.name() : c.name() + "|" + String.join("|", c.aliases());
                    String usage = c.usage().isEmpty() ? "" : " " + c.usage();
                    return names + usage + ": " + c.help();
                })
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
