package io.enif.storage.rocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.rocksdb.CompressionType;

/**
 * Pegasus's {@code rocksdb_compression_type} syntax ({@code ops-tables.md} §12): either one type name
 * ({@code none|snappy|lz4|zstd}), which leaves level 0 (fresh flushes) uncompressed and compresses level 1 and up, or
 * {@code per_level:<type>,<type>,...} for levels 0, 1, ..., the last entry covering the remaining levels.
 *
 * <p>Why "level 1 and up" for a single type: RocksDB (since 8.4, Pegasus's 8.5 included) defaults to
 * {@code level_compaction_dynamic_level_bytes}, under which entry {@code i > 0} of {@code compression_per_level}
 * applies to the {@code i}-th level from the base level, and a partition of a few GB keeps all its data in the base
 * level. Pegasus's source skips entries 0 and 1 (its flag description says "level 1 and higher"), which on current
 * RocksDB leaves such partitions uncompressed; Enif compresses from entry 1, so the default lz4 really applies.
 */
public final class CompressionSpec {
    private static final String PER_LEVEL = "per_level:";

    private CompressionSpec() {}

    /**
     * The compression of each of {@code numLevels} levels.
     *
     * @throws IllegalArgumentException naming the spec when it does not parse
     */
    public static List<CompressionType> parse(String spec, int numLevels) {
        String text = spec.trim();
        List<CompressionType> levels = new ArrayList<>(numLevels);
        if (text.startsWith(PER_LEVEL)) {
            String[] names = text.substring(PER_LEVEL.length()).split(",", -1);
            CompressionType last = CompressionType.NO_COMPRESSION;
            for (int level = 0; level < numLevels; level++) {
                if (level < names.length) {
                    last = type(names[level], spec);
                }
                levels.add(last);
            }
        } else {
            CompressionType type = type(text, spec);
            for (int level = 0; level < numLevels; level++) {
                levels.add(level >= 1 ? type : CompressionType.NO_COMPRESSION);
            }
        }
        return Collections.unmodifiableList(levels);
    }

    private static CompressionType type(String name, String spec) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> CompressionType.NO_COMPRESSION;
            case "snappy" -> CompressionType.SNAPPY_COMPRESSION;
            case "lz4" -> CompressionType.LZ4_COMPRESSION;
            case "zstd" -> CompressionType.ZSTD_COMPRESSION;
            default ->
                throw new IllegalArgumentException("bad rocksdb_compression_type '" + spec
                        + "': expected none, snappy, lz4, zstd or per_level:...");
        };
    }
}
