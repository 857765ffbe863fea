package io.enif.bench.ycsb;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;

/**
 * A YCSB binding for a store of key → value: one YCSB record is one key (the YCSB key, UTF-8) holding one value
 * (the field map encoded by {@link RecordCodec}). Subclasses give the three store calls; this class maps YCSB's
 * operations onto them the same way for every store, so the compared systems do the same work:
 *
 * <ul>
 *   <li>read: one get, then the requested fields are picked from the value;
 *   <li>insert: one put of the whole record;
 *   <li>update: one put when it carries all {@code fieldcount} fields (YCSB's {@code writeallfields=true}, or records
 *       of one field); otherwise a get, a merge and a put, which is not atomic (as YCSB's own RocksDB binding does);
 *   <li>delete: one delete;
 *   <li>scan: {@link Status#NOT_IMPLEMENTED} unless the store overrides it (a hash-partitioned store has no key order).
 * </ul>
 *
 * <p>A store failure gives {@link Status#ERROR}; the first few are logged, then one in {@value #LOG_EVERY}.
 */
public abstract class KeyValueBinding extends DB {
    private static final Logger LOG = LoggerFactory.getLogger(KeyValueBinding.class);
    private static final int LOG_FIRST = 5;
    private static final long LOG_EVERY = 10_000;
    private static final AtomicLong FAILURES = new AtomicLong();

    private int fieldCount = 10;

    /** The value stored under {@code key}, or null when there is none. */
    protected abstract byte[] get(String table, byte[] key) throws Exception;

    /** Stores {@code value} under {@code key}, replacing any value. */
    protected abstract void put(String table, byte[] key, byte[] value) throws Exception;

    /** Deletes {@code key}; deleting an absent key succeeds. */
    protected abstract void remove(String table, byte[] key) throws Exception;

    /** Reads YCSB's {@code fieldcount}; subclasses that override call this first. */
    @Override
    public void init() throws DBException {
        fieldCount =
                Integer.parseInt(getProperties().getProperty("fieldcount", "10").trim());
    }

    @Override
    public Status read(String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
        try {
            byte[] value = get(table, keyBytes(key));
            if (value == null) {
                return Status.NOT_FOUND;
            }
            RecordCodec.decode(value, fields, result);
            return Status.OK;
        } catch (Exception e) {
            return failed("read", key, e);
        }
    }

    @Override
    public Status scan(
            String table,
            String startKey,
            int recordCount,
            Set<String> fields,
            Vector<HashMap<String, ByteIterator>> result) {
        return Status.NOT_IMPLEMENTED;
    }

    @Override
    public Status update(String table, String key, Map<String, ByteIterator> values) {
        try {
            byte[] k = keyBytes(key);
            if (values.size() >= fieldCount) {
                put(table, k, RecordCodec.encode(values));
                return Status.OK;
            }
            byte[] old = get(table, k);
            if (old == null) {
                return Status.NOT_FOUND;
            }
            Map<String, ByteIterator> merged = new LinkedHashMap<>();
            RecordCodec.decode(old, null, merged);
            merged.putAll(values);
            put(table, k, RecordCodec.encode(merged));
            return Status.OK;
        } catch (Exception e) {
            return failed("update", key, e);
        }
    }

    @Override
    public Status insert(String table, String key, Map<String, ByteIterator> values) {
        try {
            put(table, keyBytes(key), RecordCodec.encode(values));
            return Status.OK;
        } catch (Exception e) {
            return failed("insert", key, e);
        }
    }

    @Override
    public Status delete(String table, String key) {
        try {
            remove(table, keyBytes(key));
            return Status.OK;
        } catch (Exception e) {
            return failed("delete", key, e);
        }
    }

    /** The store key of a YCSB key. */
    protected static byte[] keyBytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a stored record into a new map holding the requested fields (all when {@code fields} is null). */
    protected static HashMap<String, ByteIterator> decodeRecord(byte[] value, Set<String> fields) {
        HashMap<String, ByteIterator> record = new HashMap<>();
        RecordCodec.decode(value, fields == null ? null : new HashSet<>(fields), record);
        return record;
    }

    /** Counts and maybe logs a failed operation; always {@link Status#ERROR}. */
    protected final Status failed(String operation, String key, Exception e) {
        long n = FAILURES.incrementAndGet();
        if (n <= LOG_FIRST || n % LOG_EVERY == 0) {
            LOG.warn(
                    "{} {} of {} failed (failure {} in this process): {}",
                    getClass().getSimpleName(),
                    operation,
                    key,
                    n,
                    e.toString());
        }
        return Status.ERROR;
    }

    /** The failed operations in this process so far. */
    public static long failures() {
        return FAILURES.get();
    }
}
