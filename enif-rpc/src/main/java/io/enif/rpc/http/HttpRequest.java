package io.enif.rpc.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request, fully read.
 *
 * @param method the method in upper case, e.g. {@code GET}
 * @param path the decoded path, e.g. {@code /config}
 * @param parameters the decoded query parameters, each with its values in order
 * @param headers the headers, names in lower case (the last value wins when a name repeats)
 * @param body the body bytes (empty when there is none)
 */
public record HttpRequest(
        String method, String path, Map<String, List<String>> parameters, Map<String, String> headers, byte[] body) {

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
