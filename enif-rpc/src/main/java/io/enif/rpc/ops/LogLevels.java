package io.enif.rpc.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The minimum log level of the process ({@code reset-log-start-level}), when logback is the SLF4J binding (it is in
 * the launcher and in tests). Pegasus's level names are accepted: DEBUG, INFO, WARNING, ERROR, FATAL.
 */
public final class LogLevels {
    private LogLevels() {}

    /** Whether levels can be changed: logback is the binding. */
    public static boolean available() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, LogLevels.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return LogbackAccess.isBinding(LoggerFactory.getILoggerFactory());
    }

    /**
     * Sets the level of one logger (a package or class name), e.g. DEBUG for {@code replica.verbose-client-log}.
     *
     * @throws IllegalArgumentException when {@code name} is not one of Pegasus's level names
     */
    public static void set(String logger, String level) {
        LogbackAccess.setLevel(logger, level.trim().toUpperCase(Locale.ROOT));
    }

    /** The root logger's level, in Pegasus's words. */
    static String current() {
        return LogbackAccess.rootLevel();
    }

    /**
     * Sets the root logger's level.
     *
     * @throws IllegalArgumentException when {@code name} is not one of Pegasus's level names
     */
    static void set(String name) {
        LogbackAccess.setRootLevel(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The only class touching logback's types; loaded only when logback is on the class path. */
    private static final class LogbackAccess {
        static boolean isBinding(ILoggerFactory factory) {
            return factory instanceof LoggerContext;
        }

        static String rootLevel() {
            Level level = root().getEffectiveLevel();
            return level == Level.WARN ? "WARNING" : level.toString();
        }

        static void setRootLevel(String name) {
            setLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, name);
        }

        static void setLevel(String logger, String name) {
            Level level = switch (name) {
                case "DEBUG" -> Level.DEBUG;
                case "INFO" -> Level.INFO;
                case "WARNING", "WARN" -> Level.WARN;
                case "ERROR", "FATAL" -> Level.ERROR;
                default ->
                    throw new IllegalArgumentException(
                            "'" + name + "' is not one of DEBUG, INFO, WARNING, ERROR, FATAL");
            };
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger(logger)
                    .setLevel(level);
        }

        private static Logger root() {
            return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        }
    }
}
