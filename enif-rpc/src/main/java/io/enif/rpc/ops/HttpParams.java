package io.enif.rpc.ops;

import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks of query parameters: every HTTP route answers 400 to a parameter it does not know ({@code spec} §5.2). */
public final class HttpParams {
    private HttpParams() {}

    /** A 400 answer when {@code request} has a parameter outside {@code allowed}; empty when all are known. */
    public static Optional<HttpResponse> unknown(HttpRequest request, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(request.parameters().keySet());
        unknown.removeAll(allowed);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.text(400, "invalid parameter(s): " + String.join(", ", unknown) + "\n"));
    }

    /** Whether a flag parameter such as {@code detail} is on: present with no value, or anything but false. */
    public static boolean flag(HttpRequest request, String name) {
        return request.parameters().containsKey(name)
                && !request.parameter(name).orElse("").equalsIgnoreCase("false");
    }
}
