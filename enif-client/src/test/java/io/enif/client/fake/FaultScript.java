package io.enif.client.fake;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted faults per message name, consumed one per request in order, plus a count of requests per name. A fault
 * added with {@link #always} applies to every request of that name until {@link #clear()}.
 */
public final class FaultScript {
    private final Map<String, Queue<Fault>> once = new ConcurrentHashMap<>();
    private final Map<String, Fault> always = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Adds faults for the next requests named {@code name}. */
    public FaultScript next(String name, Fault... faults) {
        Queue<Fault> queue = once.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>());
        for (Fault fault : faults) {
            queue.add(fault);
        }
        return this;
    }

    /** Applies {@code fault} to every request named {@code name}. */
    public FaultScript always(String name, Fault fault) {
        always.put(name, fault);
        return this;
    }

    /** Forgets every fault and count. */
    public void clear() {
        once.clear();
        always.clear();
        counts.clear();
    }

    /** How many requests named {@code name} arrived. */
    public int count(String name) {
        AtomicInteger count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    /** Counts a request and returns its fault, or null to serve it normally. */
    Fault take(String name) {
        counts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        Queue<Fault> queue = once.get(name);
        Fault fault = queue == null ? null : queue.poll();
        return fault != null ? fault : always.get(name);
    }
}
