package io.enif.bench.ycsb;

import java.util.Properties;
import redis.clients.jedis.Jedis;
import site.ycsb.DBException;

/**
 * YCSB binding for Redis over Jedis: one connection per YCSB thread, {@code GET}/{@code SET}/{@code DEL} of the YCSB
 * key holding the encoded record ({@link KeyValueBinding}). The YCSB table name is ignored (one keyspace).
 *
 * <p>Properties: {@code redis.host} (default 127.0.0.1), {@code redis.port} (default 6379), {@code redis.timeout_ms}
 * (default 5000).
 */
public final class RedisBinding extends KeyValueBinding {
    private Jedis jedis;

    @Override
    public void init() throws DBException {
        super.init();
        Properties p = getProperties();
        String host = p.getProperty("redis.host", "127.0.0.1").trim();
        int port = Integer.parseInt(p.getProperty("redis.port", "6379").trim());
        int timeout = Integer.parseInt(p.getProperty("redis.timeout_ms", "5000").trim());
        try {
            jedis = new Jedis(host, port, timeout);
            jedis.ping();
        } catch (RuntimeException e) {
            throw new DBException("cannot reach Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void cleanup() {
        if (jedis != null) {
            jedis.close();
            jedis = null;
        }
    }

    @Override
    protected byte[] get(String table, byte[] key) {
        return jedis.get(key);
    }

    @Override
    protected void put(String table, byte[] key, byte[] value) {
        jedis.set(key, value);
    }

    @Override
    protected void remove(String table, byte[] key) {
        jedis.del(key);
    }
}
