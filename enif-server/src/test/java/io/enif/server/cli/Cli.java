package io.enif.server.cli;

import io.enif.server.EnifMain;
import io.enif.server.role.ServerRoles;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code enif} command line in this JVM and captures what it prints. */
record Cli(int status, String out, String err) {

    static Cli run(ServerRoles roles, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EnifMain.run(args, roles, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(status, out.toString(), err.toString());
    }
}
