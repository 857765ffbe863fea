package io.enif.replication.sim;

import io.enif.common.HostPort;
import io.enif.replication.Mutation;
import io.enif.replication.Replica;
import io.enif.replication.event.Event;
import io.enif.replication.ready.Ready;

/** Prints a simulated run step by step, to debug a failing seed ({@code SIM_TRACE=1}). */
final class SimTrace {
    private final boolean enabled;

    SimTrace(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    void step(long now, HostPort id, Event event, String before, Replica after) {
        if (enabled && !(event instanceof Event.Tick && !after.hasReady())) {
            System.out.println(
                    "t=" + now + " " + id + " <- " + describe(event) + "  [" + before + "] -> [" + after + "]");
        }
    }

    void ready(Ready ready) {
        if (!enabled) {
            return;
        }
        for (Mutation m : ready.logAppends()) {
            System.out.println("    append " + m);
        }
        for (Mutation m : ready.commits()) {
            System.out.println("    commit " + m);
        }
        for (Ready.Outgoing o : ready.messages()) {
            System.out.println("    send " + o.to() + " " + describe(o.message()));
        }
        ready.metaRequests().forEach(r -> System.out.println("    meta " + r));
        ready.replies().forEach(r -> System.out.println("    reply " + r));
    }

    private static String describe(Object o) {
        String text = String.valueOf(o);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
