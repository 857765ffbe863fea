package io.enif.rpc.http;

/**
 * Answers the HTTP requests that arrive on the RPC port. Called on a network I/O thread: it must be quick. An
 * exception thrown here is logged and answered with status 500.
 */
@FunctionalInterface
public interface HttpHandler {
    /** A handler that answers every request with 404. */
    HttpHandler NOT_FOUND = request -> HttpResponse.text(404, "not found: " + request.path() + "\n");

    HttpResponse handle(HttpRequest request);
}
