package io.enif.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that complete async calls' futures: a few single-thread lanes, one per table, so the callbacks of one
 * table run on one thread in the order their calls completed ({@code spec/client-and-shell.md} A.9).
 */
final class CallbackLanes implements AutoCloseable {
    private final ExecutorService[] lanes;
    private final AtomicInteger next = new AtomicInteger();

    CallbackLanes(int count) {
        lanes = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(Threads.daemon("enif-client-callback-" + i));
        }
    }

    /** A lane for a newly opened table (round robin). */
    Executor assign() {
        return lanes[Math.floorMod(next.getAndIncrement(), lanes.length)];
    }

    /** A future completed on {@code lane} as {@code source} completes. */
    static <T> CompletableFuture<T> on(Executor lane, CompletableFuture<T> source) {
        CompletableFuture<T> result = new CompletableFuture<>();
        source.whenCompleteAsync(
                (value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(Futures.unwrap(failure));
                    } else {
                        result.complete(value);
                    }
                },
                lane);
        return result;
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
