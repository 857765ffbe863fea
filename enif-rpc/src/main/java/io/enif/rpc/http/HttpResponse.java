package io.enif.rpc.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response.
 *
 * @param status the status code, e.g. 200
 * @param contentType the {@code Content-Type} header
 * @param body the body bytes
 */
public record HttpResponse(int status, String contentType, byte[] body) {
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
