package io.enif.rpc.http;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP routes of one server: an exact path ({@code /version}, {@code /meta/apps}) maps to the handler that
 * answers it; any other path gets 404. Features add their routes while the server starts; a path is taken once.
 * Thread-safe: routes may be added while requests are served.
 */
public final class HttpRouter implements HttpHandler {
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, String> helps = new ConcurrentHashMap<>();

    /**
     * Adds a route.
     *
     * @param path the exact path, starting with {@code /}
     * @param handler what answers it
     * @return this router
     * @throws IllegalArgumentException when the path does not start with {@code /} or is taken already
     */
    public HttpRouter route(String path, HttpHandler handler) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an HTTP route starts with '/': " + path);
        }
        if (routes.putIfAbsent(path, handler) != null) {
            throw new IllegalArgumentException("the HTTP route " + path + " is taken already");
        }
        return this;
    }

    /**
     * Adds a route with the one-line help that the index page ({@code /}) shows for it.
     *
     * @throws IllegalArgumentException when the path does not start with {@code /} or is taken already
     */
    public HttpRouter route(String path, String help, HttpHandler handler) {
        route(path, handler);
        helps.put(path, Objects.requireNonNull(help, "help"));
        return this;
    }

    /** The help of a routed path ({@code ""} when it was routed without one). */
    public String help(String path) {
        return helps.getOrDefault(path, "");
    }

    /** The routed paths, sorted, for the index page ({@code /}). */
    public Map<String, HttpHandler> routes() {
        return new TreeMap<>(routes);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        HttpHandler handler = routes.get(request.path());
        return handler == null ? HttpHandler.NOT_FOUND.handle(request) : handler.handle(request);
    }
}
