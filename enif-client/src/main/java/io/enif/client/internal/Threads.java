package io.enif.client.internal;

import java.util.concurrent.ThreadFactory;

/** Thread factories for the client's own threads: daemons, so a forgotten client never keeps a JVM alive. */
final class Threads {
    private Threads() {}

    /** A factory of daemon threads named {@code name}. */
    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
