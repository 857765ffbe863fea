package io.enif.rpc.command;

import java.util.List;
import java.util.Objects;

/**
 * One remote command: its name, the other names it answers to, a usage line and a one-line help, and what runs it.
 *
 * @param name the name, e.g. {@code meta.lb.assign_delay_ms}
 * @param aliases other names, e.g. {@code h} for {@code help}
 * @param usage the arguments it takes, e.g. {@code [ms|DEFAULT]} (empty when it takes none)
 * @param help what it does, in one line
 * @param handler what runs it
 */
public record RemoteCommand(String name, List<String> aliases, String usage, String help, CommandHandler handler) {

    public RemoteCommand {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad remote command name: '" + name + "'");
        }
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(handler, "handler");
    }

    /** A command with no aliases. */
    public static RemoteCommand of(String name, String usage, String help, CommandHandler handler) {
        return new RemoteCommand(name, List.of(), usage, help, handler);
    }

    /** {@code name usage}, as {@code help <command>} prints it. */
    public String usageLine() {
        return usage.isEmpty() ? name : name + " " + usage;
    }
}
