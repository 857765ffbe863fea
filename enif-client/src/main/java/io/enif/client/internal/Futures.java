package io.enif.client.internal;

import io.enif.client.EnifClientException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on internal futures for the sync API, and unwrapping their failures. */
final class Futures {
    private Futures() {}

    /** The future's value; its failure rethrown as the {@link EnifClientException} it is (or wraps). */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnifClientException("interrupted while waiting for the call", e);
        } catch (ExecutionException | CancellationException e) {
            throw asClientException(e);
        }
    }

    /** The failure inside {@link CompletionException} or {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A failure as an {@link EnifClientException}: itself, or wrapped when it is something else (a bug). */
    static EnifClientException asClientException(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof EnifClientException e) {
            return e;
        }
        return new EnifClientException("internal error of the client: " + t, t);
    }

    /** A future failed with {@code failure}. */
    static <T> CompletableFuture<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }
}
