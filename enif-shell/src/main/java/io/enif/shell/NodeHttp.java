package io.enif.shell;

import io.enif.client.EnifClientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs to a server's port, for the commands that read {@code /metrics} (as Pegasus 2.5's shell does). */
final class NodeHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private NodeHttp() {}

    /** The body of {@code GET http://node/pathAndQuery}; fails unless the answer is 200. */
    static String get(String node, String pathAndQuery, int timeoutMillis) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + node + pathAndQuery))
                .timeout(Duration.ofMillis(Math.max(timeoutMillis, 1000)))
                .GET()
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new EnifClientException("GET " + pathAndQuery + " on " + node + " answered "
                        + response.statusCode() + ": " + response.body().strip());
            }
            return response.body();
        } catch (IOException e) {
            throw new EnifClientException("GET " + pathAndQuery + " on " + node + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnifClientException("interrupted while reading " + node, e);
        }
    }
}
