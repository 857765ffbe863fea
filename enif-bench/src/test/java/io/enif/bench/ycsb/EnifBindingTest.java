package io.enif.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.test.minicluster.MetaNodeHandle;
import io.enif.test.minicluster.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import site.ycsb.ByteIterator;
import site.ycsb.Status;
import site.ycsb.StringByteIterator;

/** The Enif binding against an in-JVM cluster: one meta server, one replica server, a table of 4 partitions. */
@Timeout(120)
class EnifBindingTest {
    @TempDir
    Path dir;

    private static Map<String, ByteIterator> values(String... pairs) {
        Map<String, ByteIterator> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new StringByteIterator(pairs[i + 1]));
        }
        return m;
    }

    private static Map<String, String> read(EnifBinding db, String key) {
        Map<String, ByteIterator> out = new HashMap<>();
        assertThat(db.read("ycsb", key, null, out)).isEqualTo(Status.OK);
        Map<String, String> s = new HashMap<>();
        out.forEach((k, v) -> s.put(k, v.toString()));
        return s;
    }

    @Test
    void everyYcsbOperationMapsOntoTheCluster() throws Exception {
        try (MiniCluster cluster = MiniCluster.builder(dir)
                .metaServers(1)
                .replicaServers(1)
                // 0 = derived from the table's replica count, as in Pegasus: a one-replica table takes writes.
                .override("replication.mutation_2pc_min_replica_count=0")
                .start()) {
            cluster.createTable("ycsb", 4, 1, Duration.ofSeconds(60));
            String metas = cluster.metas().metas().stream()
                    .map(MetaNodeHandle::address)
                    .map(Object::toString)
                    .collect(Collectors.joining(","));
            Properties p = new Properties();
            p.setProperty("enif.meta_servers", metas);
            p.setProperty("fieldcount", "2");
            EnifBinding a = new EnifBinding();
            EnifBinding b = new EnifBinding();
            a.setProperties(p);
            b.setProperties(p);
            a.init();
            b.init();
            try {
                for (int i = 0; i < 20; i++) {
                    assertThat(a.insert("ycsb", "user" + i, values("field0", "x" + i, "field1", "y" + i)))
                            .isEqualTo(Status.OK);
                }
                for (int i = 0; i < 20; i++) {
                    assertThat(read(b, "user" + i)).isEqualTo(Map.of("field0", "x" + i, "field1", "y" + i));
                }
                Map<String, ByteIterator> one = new HashMap<>();
                assertThat(b.read("ycsb", "user3", Set.of("field1"), one)).isEqualTo(Status.OK);
                assertThat(one).containsOnlyKeys("field1");

                assertThat(a.update("ycsb", "user3", values("field0", "z"))).isEqualTo(Status.OK);
                assertThat(read(b, "user3")).isEqualTo(Map.of("field0", "z", "field1", "y3"));
                assertThat(a.update("ycsb", "absent", values("field0", "z"))).isEqualTo(Status.NOT_FOUND);

                assertThat(a.delete("ycsb", "user3")).isEqualTo(Status.OK);
                assertThat(b.read("ycsb", "user3", null, new HashMap<>())).isEqualTo(Status.NOT_FOUND);
                assertThat(a.scan("ycsb", "user1", 5, null, new Vector<>())).isEqualTo(Status.NOT_IMPLEMENTED);
                assertThat(a.read("no_such_table", "user1", null, new HashMap<>()))
                        .isEqualTo(Status.ERROR);
            } finally {
                a.cleanup();
                b.cleanup();
            }
        }
    }
}
