package io.enif.bench.ycsb;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import site.ycsb.DBException;

/**
 * YCSB binding for Apache Cassandra over the DataStax Java driver (4.x): the YCSB table is a CQL table {@code (y_id
 * text PRIMARY KEY, value blob)} holding the encoded record ({@link KeyValueBinding}); prepared statements at the
 * configured consistency level. One session per cluster is shared by the YCSB threads. The keyspace and table are
 * created when missing, with SimpleStrategy and the given replication factor.
 *
 * <p>Properties: {@code cassandra.hosts} (comma-separated, default 127.0.0.1), {@code cassandra.port} (9042), {@code
 * cassandra.datacenter} (datacenter1), {@code cassandra.keyspace} (ycsb), {@code cassandra.replication_factor} (1,
 * used only to create the keyspace), {@code cassandra.consistency} (reads and writes; default QUORUM, which is ONE at
 * replication 1), {@code cassandra.timeout_ms} (5000).
 */
public final class CassandraBinding extends KeyValueBinding {
    private static final SharedHandles<Cluster> CLUSTERS = new SharedHandles<>();

    private String clusterKey;
    private Cluster cluster;

    /** A session and its prepared statements per table. */
    private static final class Cluster implements AutoCloseable {
        final CqlSession session;
        final String keyspace;
        final Map<String, Statements> tables = new ConcurrentHashMap<>();

        Cluster(CqlSession session, String keyspace, int replicationFactor) {
            this.session = session;
            this.keyspace = keyspace;
            session.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor
                    + "}");
        }

        Statements statements(String table) {
            return tables.computeIfAbsent(table, t -> {
                String name = keyspace + "." + t;
                session.execute("CREATE TABLE IF NOT EXISTS " + name + " (y_id text PRIMARY KEY, value blob)");
                return new Statements(
                        session.prepare("SELECT value FROM " + name + " WHERE y_id = ?"),
                        session.prepare("INSERT INTO " + name + " (y_id, value) VALUES (?, ?)"),
                        session.prepare("DELETE FROM " + name + " WHERE y_id = ?"));
            });
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private record Statements(PreparedStatement read, PreparedStatement write, PreparedStatement delete) {}

    @Override
    public void init() throws DBException {
        super.init();
        Properties p = getProperties();
        String hosts = p.getProperty("cassandra.hosts", "127.0.0.1").trim();
        int port = Integer.parseInt(p.getProperty("cassandra.port", "9042").trim());
        String datacenter = p.getProperty("cassandra.datacenter", "datacenter1").trim();
        String keyspace = p.getProperty("cassandra.keyspace", "ycsb").trim();
        int rf = Integer.parseInt(
                p.getProperty("cassandra.replication_factor", "1").trim());
        String consistency = p.getProperty("cassandra.consistency", "QUORUM").trim();
        long timeout =
                Long.parseLong(p.getProperty("cassandra.timeout_ms", "5000").trim());
        clusterKey = String.join("/", hosts, String.valueOf(port), keyspace, consistency);
        try {
            cluster = CLUSTERS.acquire(clusterKey, k -> {
                List<InetSocketAddress> contacts = new ArrayList<>();
                for (String host : hosts.split(",")) {
                    contacts.add(new InetSocketAddress(host.trim(), port));
                }
                DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, consistency)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofMillis(timeout))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofMillis(timeout))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofMillis(timeout))
                        .build();
                CqlSession session = CqlSession.builder()
                        .addContactPoints(contacts)
                        .withLocalDatacenter(datacenter)
                        .withConfigLoader(config)
                        .build();
                return new Cluster(session, keyspace, rf);
            });
        } catch (RuntimeException e) {
            throw new DBException("cannot connect to Cassandra at " + hosts + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void cleanup() throws DBException {
        if (cluster == null) {
            return;
        }
        cluster = null;
        try {
            CLUSTERS.release(clusterKey);
        } catch (Exception e) {
            throw new DBException("closing the Cassandra session failed", e);
        }
    }

    @Override
    protected byte[] get(String table, byte[] key) {
        Row row = cluster.session
                .execute(cluster.statements(table).read().bind(text(key)))
                .one();
        if (row == null) {
            return null;
        }
        ByteBuffer value = row.getByteBuffer(0);
        if (value == null) {
            return null;
        }
        byte[] out = new byte[value.remaining()];
        value.get(out);
        return out;
    }

    @Override
    protected void put(String table, byte[] key, byte[] value) {
        cluster.session.execute(cluster.statements(table).write().bind(text(key), ByteBuffer.wrap(value)));
    }

    @Override
    protected void remove(String table, byte[] key) {
        cluster.session.execute(cluster.statements(table).delete().bind(text(key)));
    }

    private static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }
}
