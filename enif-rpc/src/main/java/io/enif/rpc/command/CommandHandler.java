package io.enif.rpc.command;

import java.util.List;

/**
 * Runs one remote command with its arguments and returns its reply text. Runs on the remote-command thread of the
 * process, never on a network I/O thread, so it may wait briefly (e.g. for a replica to close).
 */
@FunctionalInterface
public interface CommandHandler {
    /**
     * Runs the command.
     *
     * @param args the arguments after the command name (never null, possibly empty)
     * @return the reply text; a bad argument is answered with {@link CommandReplies#error(String)}, not an exception
     */
    String run(List<String> args);
}
