package io.enif.client;

import io.enif.common.HostPort;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The settings of an {@link EnifClient}, with Pegasus's property names and defaults ({@code spec/client-and-shell.md}
 * A.10). Build one with {@link #builder()} or read a Pegasus {@code pegasus.properties} file with {@link
 * #fromProperties(Properties)}; keys this client does not use (e.g. {@code enable_perf_counter}) are ignored.
 *
 * @param metaServers {@code meta_servers}: the meta servers, {@code ip:port,...} (required)
 * @param operationTimeout {@code operation_timeout}: the default timeout of a data operation (1000 ms)
 * @param metaQueryTimeout {@code meta_query_timeout}: the timeout of one meta query attempt (5000 ms)
 * @param asyncWorkers {@code async_workers}: network I/O threads, also the number of callback lanes (4)
 * @param retryPolicy {@code retry_policy}: {@code default} (a fixed delay between attempts) or {@code exponential}
 * @param retryBaseInterval {@code retry_base_interval_ms}: the delay between attempts, or the first delay of the
 *     exponential policy (10 ms; Pegasus's default policy retries almost at once)
 * @param enableWriteLimit {@code enable_write_limit}: refuse writes over Pegasus's client limits before sending
 *     (hash and sort keys up to 1 KiB, values up to 400 KiB, up to 1000 entries and 1 MiB per multi write) (true)
 * @param metaRetryDelay how long to wait before asking a meta server again that answered {@code
 *     ERR_SERVICE_NOT_ACTIVE}, and between health polls after createApp (1 s)
 */
public record ClientConfig(
        List<HostPort> metaServers,
        Duration operationTimeout,
        Duration metaQueryTimeout,
        int asyncWorkers,
        RetryKind retryPolicy,
        Duration retryBaseInterval,
        boolean enableWriteLimit,
        Duration metaRetryDelay) {

    /** How the delay between retries grows. */
    public enum RetryKind {
        /** The same delay before each attempt. */
        DEFAULT,
        /** The delay doubles with each attempt (capped at one second). */
        EXPONENTIAL
    }

    public ClientConfig {
        metaServers = List.copyOf(Objects.requireNonNull(metaServers, "metaServers"));
        if (metaServers.isEmpty()) {
            throw new EnifInvalidArgumentException("meta_servers must name at least one meta server");
        }
        requirePositive(operationTimeout, "operation_timeout");
        requirePositive(metaQueryTimeout, "meta_query_timeout");
        requirePositive(metaRetryDelay, "meta retry delay");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(retryBaseInterval, "retryBaseInterval");
        if (retryBaseInterval.isNegative()) {
            throw new EnifInvalidArgumentException("retry_base_interval_ms must not be negative");
        }
        if (asyncWorkers < 1) {
            throw new EnifInvalidArgumentException("async_workers must be at least 1, not " + asyncWorkers);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new EnifInvalidArgumentException(name + " must be positive, not " + value.toMillis() + " ms");
        }
    }

    /** A builder with the defaults and no meta servers. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of a Pegasus client properties file. */
    public static ClientConfig fromProperties(Properties properties) {
        Builder b = builder();
        String metas = properties.getProperty("meta_servers");
        if (metas == null || metas.isBlank()) {
            throw new EnifInvalidArgumentException("meta_servers is missing from the client properties");
        }
        b.metaServers(metas);
        b.operationTimeout(Duration.ofMillis(longOf(properties, "operation_timeout", 1000)));
        b.metaQueryTimeout(Duration.ofMillis(longOf(properties, "meta_query_timeout", 5000)));
        b.asyncWorkers((int) longOf(properties, "async_workers", 4));
        b.retryBaseInterval(Duration.ofMillis(longOf(properties, "retry_base_interval_ms", 10)));
        String policy = properties.getProperty("retry_policy", "default").trim();
        try {
            b.retryPolicy(RetryKind.valueOf(policy.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new EnifInvalidArgumentException(
                    "retry_policy must be 'default' or 'exponential', not '" + policy + "'");
        }
        b.enableWriteLimit(Boolean.parseBoolean(
                properties.getProperty("enable_write_limit", "true").trim()));
        return b.build();
    }

    /** Reads a properties file (UTF-8) and returns its settings. */
    public static ClientConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return fromProperties(properties);
    }

    private static long longOf(Properties properties, String key, long fallback) {
        String text = properties.getProperty(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new EnifInvalidArgumentException(key + " must be a number, not '" + text.trim() + "'");
        }
    }

    /** Parses {@code host:port,host:port,...}. */
    static List<HostPort> parseMetaServers(String text) {
        List<HostPort> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String address = part.trim();
            if (address.isEmpty()) {
                continue;
            }
            try {
                out.add(HostPort.parse(address));
            } catch (IllegalArgumentException e) {
                throw new EnifInvalidArgumentException("bad meta server address '" + address + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** Builds a {@link ClientConfig}; every setting starts at its default. */
    public static final class Builder {
        private List<HostPort> metaServers = List.of();
        private Duration operationTimeout = Duration.ofMillis(1000);
        private Duration metaQueryTimeout = Duration.ofMillis(5000);
        private int asyncWorkers = 4;
        private RetryKind retryPolicy = RetryKind.DEFAULT;
        private Duration retryBaseInterval = Duration.ofMillis(10);
        private boolean enableWriteLimit = true;
        private Duration metaRetryDelay = Duration.ofSeconds(1);

        private Builder() {}

        public Builder metaServers(List<HostPort> value) {
            this.metaServers = List.copyOf(value);
            return this;
        }

        /** The meta servers as {@code host:port,host:port,...}. */
        public Builder metaServers(String value) {
            this.metaServers = parseMetaServers(value);
            return this;
        }

        public Builder operationTimeout(Duration value) {
            this.operationTimeout = value;
            return this;
        }

        public Builder metaQueryTimeout(Duration value) {
            this.metaQueryTimeout = value;
            return this;
        }

        public Builder asyncWorkers(int value) {
            this.asyncWorkers = value;
            return this;
        }

        public Builder retryPolicy(RetryKind value) {
            this.retryPolicy = value;
            return this;
        }

        public Builder retryBaseInterval(Duration value) {
            this.retryBaseInterval = value;
            return this;
        }

        public Builder enableWriteLimit(boolean value) {
            this.enableWriteLimit = value;
            return this;
        }

        public Builder metaRetryDelay(Duration value) {
            this.metaRetryDelay = value;
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(
                    metaServers,
                    operationTimeout,
                    metaQueryTimeout,
                    asyncWorkers,
                    retryPolicy,
                    retryBaseInterval,
                    enableWriteLimit,
                    metaRetryDelay);
        }
    }
}
