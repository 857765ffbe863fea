package io.enif.test.sim;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quiets the servers' loggers while seeds run: a seed logs thousands of expected warnings (timeouts, lost
 * primaries), which would cost more than the simulation. Works when Logback is the SLF4J binding; otherwise does
 * nothing.
 */
final class SimLogging {
    private static final String[] NOISY = {"io.enif.replication", "io.enif.meta", "io.enif.replica"};

    private SimLogging() {}

    static void quiet() {
        for (String name : NOISY) {
            Logger logger = LoggerFactory.getLogger(name);
            try {
                Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level");
                Object error = levelClass.getField("ERROR").get(null);
                Method setLevel = logger.getClass().getMethod("setLevel", levelClass);
                setLevel.invoke(logger, error);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return; // not Logback: leave logging as configured
            }
        }
    }
}
