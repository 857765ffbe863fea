package io.enif.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code enif} without a subcommand: prints the usage. */
@Command(
        name = "enif",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Enif: a distributed key-value store that speaks Apache Pegasus's protocol.",
        footer = {"", "Start a local cluster: enif onebox start -w", "More: docs/onebox.md, docs/deployment.md"})
final class EnifCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
