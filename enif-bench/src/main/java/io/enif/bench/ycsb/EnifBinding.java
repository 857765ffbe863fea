package io.enif.bench.ycsb;

import io.enif.client.ClientConfig;
import io.enif.client.EnifClient;
import io.enif.client.EnifTable;
import java.time.Duration;
import java.util.Properties;
import site.ycsb.DBException;

/**
 * YCSB binding for Enif (and Pegasus) over {@code enif-client}: the YCSB key is the hash key, the sort key is empty,
 * and the record's fields are one encoded value ({@link KeyValueBinding}), so every operation is one single-key RPC
 * to the partition's primary, as YCSB's model of one record per key expects. YCSB's table is the Enif table (it must
 * exist). One client per set of meta servers is shared by the YCSB threads.
 *
 * <p>Properties: {@code enif.meta_servers} (default the onebox's {@value #ONEBOX_META}), {@code enif.timeout_ms} (each
 * operation's timeout including retries; default 5000), {@code enif.async_workers} (the client's I/O threads; default
 * 4).
 */
public final class EnifBinding extends KeyValueBinding {
    /** The onebox's meta servers. */
    public static final String ONEBOX_META = "127.0.0.1:34601,127.0.0.1:34602,127.0.0.1:34603";

    private static final SharedHandles<EnifClient> CLIENTS = new SharedHandles<>();
    private static final byte[] EMPTY_SORT_KEY = new byte[0];

    private String clientKey;
    private EnifClient client;
    private EnifTable table;
    private String tableName;
    private int timeoutMillis;

    @Override
    public void init() throws DBException {
        super.init();
        Properties p = getProperties();
        String metas = p.getProperty("enif.meta_servers", ONEBOX_META).trim();
        int workers = Integer.parseInt(p.getProperty("enif.async_workers", "4").trim());
        timeoutMillis =
                Integer.parseInt(p.getProperty("enif.timeout_ms", "5000").trim());
        clientKey = metas + "/" + workers + "/" + timeoutMillis;
        try {
            client = CLIENTS.acquire(
                    clientKey,
                    k -> EnifClient.create(ClientConfig.builder()
                            .metaServers(metas)
                            .asyncWorkers(workers)
                            .operationTimeout(Duration.ofMillis(timeoutMillis))
                            .build()));
        } catch (RuntimeException e) {
            throw new DBException("cannot create the Enif client for " + metas + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void cleanup() throws DBException {
        if (client == null) {
            return;
        }
        client = null;
        table = null;
        try {
            CLIENTS.release(clientKey);
        } catch (Exception e) {
            throw new DBException("closing the Enif client failed", e);
        }
    }

    private EnifTable table(String name) {
        EnifTable t = table;
        if (t == null || !name.equals(tableName)) {
            t = client.openTable(name);
            table = t;
            tableName = name;
        }
        return t;
    }

    @Override
    protected byte[] get(String tableName, byte[] key) {
        return table(tableName).get(key, EMPTY_SORT_KEY, timeoutMillis);
    }

    @Override
    protected void put(String tableName, byte[] key, byte[] value) {
        table(tableName).set(key, EMPTY_SORT_KEY, value, timeoutMillis);
    }

    @Override
    protected void remove(String tableName, byte[] key) {
        table(tableName).del(key, EMPTY_SORT_KEY, timeoutMillis);
    }
}
