package io.enif.rpc.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response.
 *
 * @param status the status code, e.g. 200
 * @param contentType the {@code Content-Type} header
 * @param body the body bytes
 * @param headers further headers, e.g. {@code Location} of a redirect
 */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    /** Plain UTF-8 text. */
    public static final String TEXT = "text/plain; charset=utf-8";

    /** JSON. */
    public static final String JSON = "application/json; charset=utf-8";

    public HttpResponse {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A response with no further headers. */
    public HttpResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    /** A temporary redirect (307) to {@code location}, as a standby meta server answers {@code /meta/*}. */
    public static HttpResponse redirect(String location) {
        return new HttpResponse(
                307,
                TEXT,
                ("redirect to " + location + "\n").getBytes(StandardCharsets.UTF_8),
                Map.of("Location", location));
    }

    /** A plain-text response. */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON response. */
    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }
}
