package io.enif.storage.rocks;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/**
 * The native option objects of one store, kept alive while its database is open and closed after it.
 *
 * @see RocksOptionsFactory
 */
public final class RocksOptionsBundle implements AutoCloseable {
    /** Pegasus's name of the column family that holds the decree and other replica metadata. */
    public static final String META_COLUMN_FAMILY = "pegasus_meta_cf";

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions dataOptions;
    private final ColumnFamilyOptions metaOptions;
    private final List<AbstractNativeReference> owned;

    RocksOptionsBundle(
            DBOptions dbOptions,
            ColumnFamilyOptions dataOptions,
            ColumnFamilyOptions metaOptions,
            List<AbstractNativeReference> owned) {
        this.dbOptions = dbOptions;
        this.dataOptions = dataOptions;
        this.metaOptions = metaOptions;
        this.owned = new ArrayList<>(owned);
    }

    /** The database-wide options. */
    public DBOptions dbOptions() {
        return dbOptions;
    }

    /** The options of the data column family (RocksDB's default column family). */
    public ColumnFamilyOptions dataOptions() {
        return dataOptions;
    }

    /** The options of the meta column family. */
    public ColumnFamilyOptions metaOptions() {
        return metaOptions;
    }

    /** The column families to open, data first, then meta. */
    public List<ColumnFamilyDescriptor> descriptors() {
        return List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, dataOptions),
                new ColumnFamilyDescriptor(
                        META_COLUMN_FAMILY.getBytes(java.nio.charset.StandardCharsets.UTF_8), metaOptions));
    }

    @Override
    public void close() {
        dataOptions.close();
        metaOptions.close();
        dbOptions.close();
        owned.forEach(AbstractNativeReference::close);
    }
}
