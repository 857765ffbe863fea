package io.enif.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rocksdb.CompressionType.LZ4_COMPRESSION;
import static org.rocksdb.CompressionType.NO_COMPRESSION;
import static org.rocksdb.CompressionType.SNAPPY_COMPRESSION;
import static org.rocksdb.CompressionType.ZSTD_COMPRESSION;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.update_request;
import io.enif.storage.PartitionStore;
import io.enif.storage.StoreOptions;
import io.enif.storage.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RocksOptionsTest {
    @TempDir
    Path tempDir;

    @Test
    void aSingleTypeCompressesLevelsOneAndUp() {
        assertThat(CompressionSpec.parse("lz4", 6))
                .containsExactly(
                        NO_COMPRESSION,
                        LZ4_COMPRESSION,
                        LZ4_COMPRESSION,
                        LZ4_COMPRESSION,
                        LZ4_COMPRESSION,
                        LZ4_COMPRESSION);
        assertThat(CompressionSpec.parse(" ZSTD ", 3))
                .containsExactly(NO_COMPRESSION, ZSTD_COMPRESSION, ZSTD_COMPRESSION);
        assertThat(CompressionSpec.parse("none", 4)).containsOnly(NO_COMPRESSION);
    }

    @Test
    void perLevelListsLevelsAndTheLastCoversTheRest() {
        assertThat(CompressionSpec.parse("per_level:none,snappy,zstd", 5))
                .containsExactly(
                        NO_COMPRESSION, SNAPPY_COMPRESSION, ZSTD_COMPRESSION, ZSTD_COMPRESSION, ZSTD_COMPRESSION);
        assertThat(CompressionSpec.parse("per_level:lz4,none,none,zstd,zstd,zstd,zstd", 3))
                .containsExactly(LZ4_COMPRESSION, NO_COMPRESSION, NO_COMPRESSION);
    }

    @Test
    void badSpecsAreRejected() {
        assertThatThrownBy(() -> CompressionSpec.parse("gzip", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompressionSpec.parse("per_level:", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompressionSpec.parse("per_level:lz4,,zstd", 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionStore.builder(tempDir.resolve("bad"))
                        .options(StoreOptions.builder().compression("brotli").build())
                        .open())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storeOptionsValidateTheirValues() {
        assertThatThrownBy(() -> StoreOptions.builder().maxIterationCount(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        StoreOptions.builder().multiGetMaxIterationSize(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        StoreOptions custom = StoreOptions.builder().compression("zstd").build();
        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        assertThat(StoreOptions.defaults().compression()).isEqualTo("lz4");
    }

    @Test
    void compressionTakesEffectOnTheCompactedLevels() {
        long none = compactedSize("none");
        for (String spec : List.of("snappy", "lz4", "zstd", "per_level:none,lz4,zstd")) {
            assertThat(compactedSize(spec)).as(spec).isLessThan(none / 4);
        }
    }

    private long compactedSize(String compression) {
        StoreOptions options = StoreOptions.builder()
                .compression(compression)
                .writeBufferSize(1 << 20)
                .build();
        try (RocksResources resources = RocksResources.create(8 << 20, -1);
                PartitionStore store = PartitionStore.builder(tempDir.resolve(compression.replace(':', '_')))
                        .gpid(new Gpid(1, 0))
                        .options(options)
                        .resources(resources)
                        .open()) {
            String text = "the quick brown fox jumps over the lazy dog ".repeat(20);
            List<WriteRequest<?>> batch = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                batch.add(new WriteRequest.Put(new update_request(
                        new blob(KeyCodec.encode(bytes("h"), bytes("k" + i))), blob.of(text + i), 0)));
            }
            store.apply(1, batch);
            store.manualCompact(-1, true);
            assertThat(store.get(new blob(KeyCodec.encode(bytes("h"), bytes("k7"))))
                            .value
                            .toString())
                    .isEqualTo(text + 7);
            return store.longProperty("rocksdb.total-sst-files-size");
        }
    }

    @Test
    void storesShareTheProcessBlockCache() {
        try (RocksResources resources = RocksResources.create(16 << 20, 2)) {
            try (PartitionStore a = open(resources, "a");
                    PartitionStore b = open(resources, "b")) {
                a.apply(1, new WriteRequest.Put(new update_request(key("k"), blob.of("va"), 0)));
                b.apply(1, new WriteRequest.Put(new update_request(key("k"), blob.of("vb"), 0)));
                a.flush();
                b.flush();
                assertThat(a.get(key("k")).value.toString()).isEqualTo("va");
                assertThat(b.get(key("k")).value.toString()).isEqualTo("vb");
                assertThat(resources.blockCache()).isNotNull();
            }
        }
    }

    @Test
    void benchmarksCanOpenRawRocksDbWithTheSameOptions() throws Exception {
        try (RocksResources resources = RocksResources.create(8 << 20, -1);
                RocksOptionsBundle bundle = RocksOptionsFactory.create(StoreOptions.defaults(), resources)) {
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB db = RocksDB.open(
                    bundle.dbOptions(), tempDir.resolve("raw").toString(), bundle.descriptors(), handles)) {
                db.put(handles.get(0), bytes("k"), bytes("v"));
                assertThat(db.get(handles.get(0), bytes("k"))).isEqualTo(bytes("v"));
                assertThat(bundle.dataOptions().compressionPerLevel()).hasSize(6);
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
    }

    private PartitionStore open(RocksResources resources, String name) {
        return PartitionStore.builder(tempDir.resolve(name))
                .resources(resources)
                .open();
    }

    private static blob key(String sortKey) {
        return new blob(KeyCodec.encode(bytes("h"), bytes(sortKey)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
