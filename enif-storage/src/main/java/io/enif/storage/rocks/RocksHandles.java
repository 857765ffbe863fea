package io.enif.storage.rocks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * An open replica database: the RocksDB instance, its data and meta column families, and the options that must outlive
 * them. Closing releases all of them in the right order.
 */
public final class RocksHandles implements AutoCloseable {
    private final RocksDB db;
    private final ColumnFamilyHandle data;
    private final ColumnFamilyHandle meta;
    private final RocksOptionsBundle options;

    private RocksHandles(RocksDB db, ColumnFamilyHandle data, ColumnFamilyHandle meta, RocksOptionsBundle options) {
        this.db = db;
        this.data = data;
        this.meta = meta;
        this.options = options;
    }

    /**
     * Opens (creating if missing) the database in {@code dir} with both column families. On success the handles own
     * {@code options}; on failure the caller still does.
     */
    public static RocksHandles open(Path dir, RocksOptionsBundle options) throws RocksDBException {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = RocksDB.open(options.dbOptions(), dir.toString(), options.descriptors(), handles);
        return new RocksHandles(db, handles.get(0), handles.get(1), options);
    }

    /** The database. */
    public RocksDB db() {
        return db;
    }

    /** The data column family: every user record, under its encoded key. */
    public ColumnFamilyHandle data() {
        return data;
    }

    /** The meta column family: the last applied decree and other replica metadata. */
    public ColumnFamilyHandle meta() {
        return meta;
    }

    @Override
    public void close() {
        data.close();
        meta.close();
        db.close();
        options.close();
    }
}
