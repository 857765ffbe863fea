package io.enif.shell;

import io.enif.client.EnifTable;
import io.enif.proto.key.KeyCodec;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The state of one shell run: the backend, the current table (after {@code use}), the timeout and the outputs. */
final class Session {
    ShellBackend backend;
    PrintWriter out;
    final PrintWriter err;
    /** Waits between two health polls of create and recall. */
    final Runnable pause;

    /** Reads the next statement for commands that take more input (check_and_mutate); null at the end. */
    Function<String, List<String>> nextStatement = prompt -> null;

    int timeoutMillis = 5000;
    /** {@code escape_all}: print every byte of keys and values as \xNN. */
    boolean escapeAll;

    int pollLimit = 600;
    private String tableName;
    private EnifTable table;
    private AppConfig config;

    Session(ShellBackend backend, PrintWriter out, PrintWriter err, Runnable pause) {
        this.backend = backend;
        this.out = out;
        this.err = err;
        this.pause = pause;
    }

    /** Makes {@code name} the current table; fails (keeping the old one) when it cannot be opened. */
    void use(String name) {
        EnifTable opened = backend.openTable(name);
        AppConfig queried = null;
        try {
            queried = backend.queryConfig(name);
        } catch (RuntimeException e) {
            // the trailer is only a help: without a config it shows what the table handle knows
        }
        tableName = name;
        table = opened;
        config = queried;
    }

    /** The current table, or a usage error when there is none. */
    EnifTable table() {
        if (table == null) {
            throw new UsageException("no table selected: run 'use <app_name>' first");
        }
        return table;
    }

    /** The current table's name, or null. */
    String tableName() {
        return tableName;
    }

    /** Forgets the current table if it is {@code name} (after a drop). */
    void forget(String name) {
        if (name.equals(tableName)) {
            tableName = null;
            table = null;
            config = null;
        }
    }

    /** Quotes and escapes a key or value as the output shows it. */
    String q(byte[] bytes) {
        return Format.quoted(bytes, escapeAll);
    }

    /** A key or value as a JSON string: the escaped text without quotes. */
    String j(byte[] bytes) {
        return Format.escaped(bytes, escapeAll);
    }

    /** Switches to another cluster ({@code cc}): closes the old backend and forgets the current table. */
    void switchTo(ShellBackend other) {
        ShellBackend old = backend;
        backend = other;
        tableName = null;
        table = null;
        config = null;
        old.close();
    }

    /** The trailer's fields for a key: app_id, partition_index and the primary of its partition. */
    Map<String, Object> trailerFields(byte[] hashKey, byte[] sortKey) {
        EnifTable t = table();
        int index = partitionIndex(hashKey, sortKey);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("app_id", t.appId());
        fields.put("partition_index", index);
        fields.put("server", server(index));
        return fields;
    }

    /** The partition of a key in the current table, or -1 when the partition count is unknown. */
    int partitionIndex(byte[] hashKey, byte[] sortKey) {
        int partitionCount = table().partitionCount();
        return partitionCount <= 0
                ? -1
                : KeyCodec.partitionIndex(KeyCodec.partitionHash(KeyCodec.encode(hashKey, sortKey)), partitionCount);
    }

    /** The primary of a partition of the current table as {@code use} saw it, or {@code unknown}. */
    String server(int index) {
        if (config != null && index >= 0) {
            for (PartitionInfo p : config.partitions()) {
                if (p.index() == index && p.primary() != null) {
                    return p.primary();
                }
            }
        }
        return "unknown";
    }

    /** Prints the data commands' trailer: app_id, partition_index and server of the key's partition. */
    void trailer(byte[] hashKey, byte[] sortKey) {
        EnifTable t = table();
        int partitionCount = t.partitionCount();
        int index = partitionCount <= 0
                ? -1
                : KeyCodec.partitionIndex(KeyCodec.partitionHash(KeyCodec.encode(hashKey, sortKey)), partitionCount);
        String server = "unknown";
        if (config != null && index >= 0) {
            for (PartitionInfo p : config.partitions()) {
                if (p.index() == index && p.primary() != null) {
                    server = p.primary();
                }
            }
        }
        out.println();
        out.println("app_id          : " + t.appId());
        out.println("partition_index : " + index);
        out.println("server          : " + server);
    }
}
