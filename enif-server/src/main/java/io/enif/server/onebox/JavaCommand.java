package io.enif.server.onebox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of a child {@code enif} process: this JVM's {@code java}, class path and logging setup, a small
 * explicit heap, then {@code io.enif.server.EnifMain} and its arguments.
 *
 * <p>The class path goes in the {@code CLASSPATH} environment variable, so the command line stays short enough for
 * {@code ps} (and for the kernel's 4 KB view of it) and starts with {@code -Denif.instance=<dir>}, which is how {@link
 * OneboxProcesses} recognises its processes. On Linux the child starts in its own session ({@code setsid}), so a
 * Ctrl-C in the terminal that ran {@code enif onebox start} does not reach the onebox.
 *
 * @param argv the command line
 * @param environment what to add to the child's environment
 */
public record JavaCommand(List<String> argv, Map<String, String> environment) {
    /** The launcher's main class. */
    public static final String MAIN_CLASS = "io.enif.server.EnifMain";

    /** The system property naming the onebox directory a process belongs to. */
    public static final String INSTANCE_PROPERTY = "enif.instance";

    /** System properties a child inherits from this JVM when they are set. */
    private static final List<String> INHERITED_PROPERTIES = List.of("logback.configurationFile", "enif.home");

    public JavaCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** {@code java -Denif.instance=<dir> -Xmx<heap> ... io.enif.server.EnifMain <args>}. */
    public static JavaCommand enif(Path instanceDir, String heap, List<String> args) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(marker(instanceDir));
        command.add("-Xms32m");
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        for (String name : INHERITED_PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null) {
                command.add("-D" + name + "=" + value);
            }
        }
        command.add(MAIN_CLASS);
        command.addAll(args);
        return new JavaCommand(command, Map.of("CLASSPATH", System.getProperty("java.class.path")));
    }

    /** The option that marks a process of the onebox instance in {@code instanceDir}. */
    public static String marker(Path instanceDir) {
        return "-D" + INSTANCE_PROPERTY + "=" + instanceDir.toAbsolutePath().normalize();
    }

    private static Optional<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
