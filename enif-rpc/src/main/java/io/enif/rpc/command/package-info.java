/**
 * Remote commands (Pegasus's {@code remote_command}, DESIGN §7, {@code spec/ops-cluster.md} §4): a per-process
 * {@link io.enif.rpc.command.CommandRegistry} of named commands that take string arguments and answer text (JSON by
 * DESIGN §10), served over {@code RPC_CLI_CLI_CALL} by {@link io.enif.rpc.command.RemoteCommandService} and called by
 * {@link io.enif.rpc.command.RemoteCommandClient}.
 *
 * <p>What belongs here: the registry, the reply conventions ({@link io.enif.rpc.command.CommandReplies}), the knob
 * helper for {@code name [value|DEFAULT]} commands and the commands every role has. What does not: the meta-only and
 * replica-only commands, which live with the servers whose levers they turn.
 */
package io.enif.rpc.command;
