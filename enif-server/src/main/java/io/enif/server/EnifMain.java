package io.enif.server;

import io.enif.server.cli.EnifCommandLine;
import io.enif.server.role.ServerRoles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code enif} command: {@code enif meta -c conf/enif.ini}, {@code enif zookeeper}, {@code enif onebox start},
 * {@code enif version}, ... ({@code enif --help} lists them).
 *
 * <p>This is the one place in Enif that ends the process with a status ({@code System.exit}): 0 for success, 1 when a
 * command failed, 2 for bad usage. Everything else returns its status here; nothing prints a stack trace.
 */
public final class EnifMain {
    private EnifMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, ServerRoles.discover(), out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line with these roles and returns its exit status. */
    public static int run(String[] args, ServerRoles roles, PrintWriter out, PrintWriter err) {
        return EnifCommandLine.create(roles, out, err).execute(args);
    }
}
