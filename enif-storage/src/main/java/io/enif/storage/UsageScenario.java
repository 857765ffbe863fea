package io.enif.storage;

import java.util.Optional;

/**
 * The table env {@code rocksdb.usage_scenario} ({@code ops-tables.md} §6): a preset of the data column family's
 * write-buffer and compaction options, changed at runtime without reopening.
 */
public enum UsageScenario {
    /** The server's base options, the write buffer spread by up to ±25% so replicas do not flush together. */
    NORMAL("normal"),
    /** Bigger write buffers and a later level-0 compaction trigger: more write throughput, slower reads. */
    PREFER_WRITE("prefer_write"),
    /** No automatic compaction and no write stalls, for an import followed by a manual compaction. */
    BULK_LOAD("bulk_load");

    private final String envValue;

    UsageScenario(String envValue) {
        this.envValue = envValue;
    }

    /** The env value naming this scenario. */
    public String envValue() {
        return envValue;
    }

    /** The scenario an env value names, or empty when it names none (the meta server refuses such values). */
    public static Optional<UsageScenario> fromEnv(String value) {
        for (UsageScenario s : values()) {
            if (s.envValue.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
