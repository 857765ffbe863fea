package io.enif.common.metrics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@code /metrics} HTTP endpoint, free of any HTTP library: Prometheus text by default, Pegasus's JSON form when
 * a JSON filter or {@code format=json} is given (DESIGN §10). A method other than GET, an unknown parameter or a bad
 * value is answered 400 with {@code {"error_message":"..."}}. Servers adapt {@link Reply} to their HTTP response.
 */
public final class MetricsEndpoint {
    private final MetricRegistry registry;
    private final MetricsSource source;
    private final LongSupplier clockNs;

    /** An endpoint stamping the JSON form with the wall clock. */
    public MetricsEndpoint(MetricRegistry registry, MetricsSource source) {
        this(registry, source, () -> System.currentTimeMillis() * 1_000_000L);
    }

    public MetricsEndpoint(MetricRegistry registry, MetricsSource source, LongSupplier clockNs) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.source = Objects.requireNonNull(source, "source");
        this.clockNs = Objects.requireNonNull(clockNs, "clockNs");
    }

    /** Answers one request. */
    public Reply serve(String method, Map<String, List<String>> parameters) {
        if (!"GET".equals(method)) {
            return error("only GET is supported, got " + method);
        }
        MetricsQuery query;
        try {
            query = MetricsQuery.parse(parameters);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
        if (query.json()) {
            return new Reply(200, Reply.JSON, MetricsJson.render(registry, source, query, clockNs.getAsLong()));
        }
        return new Reply(200, PrometheusText.CONTENT_TYPE, PrometheusText.render(registry, source));
    }

    private static Reply error(String message) {
        StringBuilder b = new StringBuilder("{\"error_message\":");
        MetricsJson.string(b, message);
        return new Reply(400, Reply.JSON, b.append('}').toString());
    }

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param contentType the {@code Content-Type}
     * @param text the body
     */
    public record Reply(int status, String contentType, String text) {
        /** JSON. */
        public static final String JSON = "application/json; charset=utf-8";

        /** The body as UTF-8 bytes. */
        public byte[] body() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
