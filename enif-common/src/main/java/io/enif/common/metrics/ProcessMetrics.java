package io.enif.common.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Process-level metrics on the {@code server} entity (spec/ops-cluster.md §13.3 MON-4): memory (Pegasus's
 * {@code resident_mem_usage_mb} and {@code virtual_mem_usage_mb}, read from {@code /proc/self/status} where it
 * exists), the JVM's heap, garbage collection and threads, and the start time and uptime.
 */
public final class ProcessMetrics {
    /** The entity type of process-wide metrics. */
    public static final String SERVER = "server";

    /** The id of the one server entity. */
    public static final String SERVER_ID = "server";

    public static final MetricPrototype RESIDENT_MEM =
            MetricPrototype.gauge(SERVER, "resident_mem_usage_mb", "MB", "The resident memory of the process");
    public static final MetricPrototype VIRTUAL_MEM =
            MetricPrototype.gauge(SERVER, "virtual_mem_usage_mb", "MB", "The virtual memory of the process");
    public static final MetricPrototype HEAP_USED =
            MetricPrototype.gauge(SERVER, "jvm_heap_used_bytes", "bytes", "The JVM heap in use");
    public static final MetricPrototype HEAP_COMMITTED =
            MetricPrototype.gauge(SERVER, "jvm_heap_committed_bytes", "bytes", "The JVM heap committed");
    public static final MetricPrototype HEAP_MAX =
            MetricPrototype.gauge(SERVER, "jvm_heap_max_bytes", "bytes", "The JVM heap limit");
    public static final MetricPrototype NON_HEAP_USED =
            MetricPrototype.gauge(SERVER, "jvm_non_heap_used_bytes", "bytes", "The JVM memory outside the heap in use");
    public static final MetricPrototype GC_COUNT =
            MetricPrototype.gauge(SERVER, "jvm_gc_count", "collections", "Garbage collections since start");
    public static final MetricPrototype GC_TIME = MetricPrototype.gauge(
            SERVER, "jvm_gc_time_ms", "milliseconds", "Time spent collecting garbage since start");
    public static final MetricPrototype THREADS =
            MetricPrototype.gauge(SERVER, "jvm_threads", "threads", "Live threads of the JVM");
    public static final MetricPrototype START_TIME =
            MetricPrototype.gauge(SERVER, "start_time_ms", "milliseconds", "When the process started (Unix time)");
    public static final MetricPrototype UPTIME =
            MetricPrototype.gauge(SERVER, "uptime_seconds", "seconds", "How long the process has been running");

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {}

    /** The server entity of {@code registry}. */
    public static MetricEntity server(MetricRegistry registry) {
        return registry.entity(SERVER, SERVER_ID, Map.of());
    }

    /** Registers the process metrics on the server entity of {@code registry}. */
    public static void register(MetricRegistry registry) {
        MetricEntity e = server(registry);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        e.gauge(HEAP_USED, () -> memory.getHeapMemoryUsage().getUsed());
        e.gauge(HEAP_COMMITTED, () -> memory.getHeapMemoryUsage().getCommitted());
        e.gauge(HEAP_MAX, () -> memory.getHeapMemoryUsage().getMax());
        e.gauge(NON_HEAP_USED, () -> memory.getNonHeapMemoryUsage().getUsed());
        e.gauge(
                GC_COUNT,
                () -> gcs.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                        .filter(n -> n > 0)
                        .sum());
        e.gauge(
                GC_TIME,
                () -> gcs.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                        .filter(n -> n > 0)
                        .sum());
        e.gauge(THREADS, threads::getThreadCount);
        e.gauge(START_TIME, () -> start);
        e.gauge(UPTIME, () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        e.gauge(RESIDENT_MEM, () -> statusKb("VmRSS:") / 1024);
        e.gauge(VIRTUAL_MEM, () -> statusKb("VmSize:") / 1024);
    }

    /** A {@code kB} figure of {@code /proc/self/status}; 0 where there is none. */
    private static long statusKb(String key) {
        if (!Files.isReadable(STATUS)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    String[] words = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(words[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
