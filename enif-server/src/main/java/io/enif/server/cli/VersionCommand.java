package io.enif.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code enif version}: the build's version and the Java runtime. */
@Command(mixinStandardHelpOptions = true, description = "Print the version")
final class VersionCommand implements Callable<Integer> {
    private static final String RESOURCE = "/io/enif/server/version.properties";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(line());
        return 0;
    }

    /** {@code Enif Server 0.1.0 (Java 17.0.x)}. */
    static String line() {
        return "Enif Server " + version() + " (Java " + System.getProperty("java.version") + ")";
    }

    /** The project version the build wrote into the jar, or {@code unknown}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    /** For {@code enif --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }
}
