package io.enif.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import site.ycsb.ByteIterator;
import site.ycsb.DBException;
import site.ycsb.Status;
import site.ycsb.StringByteIterator;

/** The shared key → value mapping ({@link KeyValueBinding}) on the in-process RocksDB binding. */
@Timeout(30)
class RocksDbBindingTest {
    @TempDir
    Path dir;

    private RocksDbBinding a;
    private RocksDbBinding b;

    private RocksDbBinding open(int fieldCount) throws DBException {
        Properties p = new Properties();
        p.setProperty("rocksdb.dir", dir.resolve("db").toString());
        p.setProperty("rocksdb.block_cache_mb", "8");
        p.setProperty("fieldcount", String.valueOf(fieldCount));
        RocksDbBinding binding = new RocksDbBinding();
        binding.setProperties(p);
        binding.init();
        return binding;
    }

    @AfterEach
    void close() throws DBException {
        if (a != null) {
            a.cleanup();
        }
        if (b != null) {
            b.cleanup();
        }
    }

    private static Map<String, ByteIterator> values(String... pairs) {
        Map<String, ByteIterator> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new StringByteIterator(pairs[i + 1]));
        }
        return m;
    }

    private static Map<String, String> read(RocksDbBinding db, String key, Set<String> fields) {
        Map<String, ByteIterator> out = new HashMap<>();
        assertThat(db.read("usertable", key, fields, out)).isEqualTo(Status.OK);
        Map<String, String> s = new HashMap<>();
        out.forEach((k, v) -> s.put(k, v.toString()));
        return s;
    }

    @Test
    void insertReadUpdateDelete() throws DBException {
        a = open(2);
        assertThat(a.insert("usertable", "user1", values("field0", "a0", "field1", "a1")))
                .isEqualTo(Status.OK);
        assertThat(read(a, "user1", null)).isEqualTo(Map.of("field0", "a0", "field1", "a1"));
        assertThat(read(a, "user1", Set.of("field1"))).isEqualTo(Map.of("field1", "a1"));

        // A partial update keeps the other field (read, merge, write); a full one replaces the record.
        assertThat(a.update("usertable", "user1", values("field1", "b1"))).isEqualTo(Status.OK);
        assertThat(read(a, "user1", null)).isEqualTo(Map.of("field0", "a0", "field1", "b1"));
        assertThat(a.update("usertable", "user1", values("field0", "c0", "field1", "c1")))
                .isEqualTo(Status.OK);
        assertThat(read(a, "user1", null)).isEqualTo(Map.of("field0", "c0", "field1", "c1"));

        assertThat(a.update("usertable", "nobody", values("field1", "x"))).isEqualTo(Status.NOT_FOUND);
        assertThat(a.delete("usertable", "user1")).isEqualTo(Status.OK);
        assertThat(a.read("usertable", "user1", null, new HashMap<>())).isEqualTo(Status.NOT_FOUND);
        assertThat(a.delete("usertable", "user1")).isEqualTo(Status.OK);
    }

    @Test
    void scanReturnsRecordsInKeyOrderFromTheStartKey() throws DBException {
        a = open(1);
        for (String key : new String[] {"user3", "user1", "user4", "user2"}) {
            a.insert("usertable", key, values("field0", key));
        }
        Vector<HashMap<String, ByteIterator>> result = new Vector<>();
        assertThat(a.scan("usertable", "user2", 2, null, result)).isEqualTo(Status.OK);
        assertThat(result).extracting(r -> r.get("field0").toString()).containsExactly("user2", "user3");
    }

    @Test
    void threadsShareOneDatabaseThatClosesWithTheLastOfThem() throws Exception {
        a = open(1);
        b = open(1);
        a.insert("usertable", "k", values("field0", "v"));
        assertThat(read(b, "k", null)).isEqualTo(Map.of("field0", "v"));
        a.cleanup();
        a = null;
        assertThat(read(b, "k", null)).isEqualTo(Map.of("field0", "v"));
        b.cleanup();
        b = null;
        // RocksDB locks its directory while open: opening it by hand works only if the last cleanup closed it.
        try (Options options = new Options();
                RocksDB db = RocksDB.open(options, dir.resolve("db").toString())) {
            assertThat(db.get("k".getBytes(StandardCharsets.UTF_8))).isNotNull();
        }
    }

    @Test
    void aMissingDirectoryPropertyFailsInit() {
        RocksDbBinding binding = new RocksDbBinding();
        binding.setProperties(new Properties());
        assertThatThrownBy(binding::init).isInstanceOf(DBException.class).hasMessageContaining("rocksdb.dir");
    }
}
