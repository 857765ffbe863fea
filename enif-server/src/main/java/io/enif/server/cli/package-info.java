/**
 * The picocli commands of {@code enif}: one per server role, {@code zookeeper}, {@code onebox} with its subcommands,
 * and {@code version}, plus the error handling that turns bad usage and failures into one {@code ERROR:} line and an
 * exit status. Commands are thin: the work is done in {@code role}, {@code onebox} and {@code zookeeper}.
 */
package io.enif.server.cli;
