/**
 * The {@code enif} launcher: {@link io.enif.server.EnifMain} parses the command line and runs one subcommand ({@code
 * meta}, {@code zookeeper}, {@code onebox ...}, {@code version}; {@code replica} once its role exists). The
 * subcommands live in {@code cli}, the server roles in {@code role}, the onebox in {@code onebox}, the standalone
 * ZooKeeper in {@code zookeeper}, and the launcher's own config keys and the sample config in {@code config}.
 */
package io.enif.server;
