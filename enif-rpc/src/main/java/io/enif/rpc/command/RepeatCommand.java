package io.enif.rpc.command;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code repeat interval_seconds max_count command [args...]} ({@code r}, {@code R}, {@code Repeat}): runs a
 * command now and then every {@code interval_seconds}, {@code max_count} times in all ({@code 0} = until the process
 * stops). The reply is the first run's output; the later runs' outputs go to the server's log.
 */
final class RepeatCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RepeatCommand.class);

    private RepeatCommand() {}

    static RemoteCommand create(CommandRegistry registry, ScheduledExecutorService timer) {
        return new RemoteCommand(
                "repeat",
                List.of("r", "R", "Repeat"),
                "interval_seconds max_count command [args...]",
                "Run a command now and then periodically, max_count times in all (0 = until the server stops)",
                args -> run(registry, timer, args));
    }

    private static String run(CommandRegistry registry, ScheduledExecutorService timer, List<String> args) {
        if (args.size() < 3) {
            return CommandReplies.error("usage: repeat interval_seconds max_count command [args...]");
        }
        long interval;
        long maxCount;
        try {
            interval = KnobCommand.parseLong(args.get(0), 1, 86_400);
            maxCount = KnobCommand.parseLong(args.get(1), 0, Long.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return CommandReplies.error("interval_seconds (1..86400) and max_count (>= 0): " + e.getMessage());
        }
        String name = args.get(2);
        if (registry.find(name).isEmpty()
                || name.equals("repeat")
                || registry.find(name).get().name().equals("repeat")) {
            return CommandReplies.unknown(name);
        }
        List<String> commandArgs = List.copyOf(args.subList(3, args.size()));
        String first = registry.execute(name, commandArgs);
        if (maxCount != 1) {
            AtomicLong runs = new AtomicLong(1);
            timer.scheduleWithFixedDelay(
                    () -> {
                        if (maxCount > 0 && runs.get() >= maxCount) {
                            throw new IllegalStateException("done"); // ends the periodic task
                        }
                        long n = runs.incrementAndGet();
                        LOG.info(
                                "repeat {} {} (run {}): {}", name, commandArgs, n, registry.execute(name, commandArgs));
                    },
                    interval,
                    interval,
                    TimeUnit.SECONDS);
        }
        return first;
    }
}
