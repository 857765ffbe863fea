/**
 * The onebox: a whole Enif cluster on one machine as real processes ({@code spec/client-and-shell.md} §D, DESIGN §10).
 * {@link io.enif.server.onebox.OneboxLayout} fixes ports and directories, {@link io.enif.server.onebox.OneboxConfig}
 * writes each process's config (the onebox profile), {@link io.enif.server.onebox.OneboxProcesses} starts, finds and
 * stops processes through pid files, {@link io.enif.server.onebox.Onebox} and {@link
 * io.enif.server.onebox.OneboxControl} are the subcommands, and {@link io.enif.server.onebox.OneboxHealth} is what
 * {@code -w} polls.
 */
package io.enif.server.onebox;
