package io.enif.shell;

import io.enif.client.EnifTable;
import io.enif.proto.key.KeyCodec;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.io.PrintWriter;

/** The state of one shell run: the backend, the current table (after {@code use}), the timeout and the outputs. */
final class Session {
    final ShellBackend backend;
    final PrintWriter out;
    final PrintWriter err;
    /** Waits between two health polls of create and recall. */
    final Runnable pause;

    int timeoutMillis = 5000;
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
