/**
 * The Enif shell ({@code enif shell}): Pegasus's command surface ({@code spec/client-and-shell.md} §C) over the Enif
 * Java client, with the meta server's admin RPCs the client does not offer. {@link io.enif.shell.Shell} reads and
 * runs commands; {@link io.enif.shell.ShellBackend} is everything it asks of a cluster.
 */
package io.enif.shell;
