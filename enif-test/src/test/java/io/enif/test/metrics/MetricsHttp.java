package io.enif.test.metrics;

import io.enif.common.HostPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP GETs on a server's port, for the metrics tests. */
final class MetricsHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private MetricsHttp() {}

    /** The answer to {@code GET pathAndQuery} on {@code node}. */
    static HttpResponse<String> get(HostPort node, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + node + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " on " + node + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The body of a 200 answer. */
    static String body(HostPort node, String pathAndQuery) {
        HttpResponse<String> r = get(node, pathAndQuery);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(node + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
