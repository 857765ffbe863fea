package io.enif.meta.store;

import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigCodec;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableInfoCodec;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.partition_configuration;
import org.apache.thrift.TBase;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * The bytes of the store's nodes: the Thrift binary encoding of {@code app_info} and {@code partition_configuration}
 * (see the package documentation for why not Pegasus's JSON).
 */
public final class MetaCodec {

    private MetaCodec() {}

    /** The bytes of a table's app node. */
    public static byte[] encode(TableInfo info) {
        return serialize(TableInfoCodec.toThrift(info));
    }

    /** The bytes of a partition node. */
    public static byte[] encode(PartitionConfig pc) {
        return serialize(PartitionConfigCodec.toThrift(pc));
    }

    /**
     * Decodes an app node.
     *
     * @throws MetaStoreException {@code CORRUPT} naming {@code path} when the bytes do not decode
     */
    public static TableInfo decodeTable(byte[] bytes, String path) {
        try {
            return TableInfoCodec.fromThrift(deserialize(new app_info(), bytes));
        } catch (TException | RuntimeException e) {
            throw new MetaStoreException(MetaStoreException.Kind.CORRUPT, "cannot decode app_info at " + path, e);
        }
    }

    /**
     * Decodes a partition node.
     *
     * @throws MetaStoreException {@code CORRUPT} naming {@code path} when the bytes do not decode
     */
    public static PartitionConfig decodePartition(byte[] bytes, String path) {
        try {
            return PartitionConfigCodec.fromThrift(deserialize(new partition_configuration(), bytes));
        } catch (TException | RuntimeException e) {
            throw new MetaStoreException(
                    MetaStoreException.Kind.CORRUPT, "cannot decode partition_configuration at " + path, e);
        }
    }

    private static byte[] serialize(TBase<?, ?> value) {
        try {
            return new TSerializer(new TBinaryProtocol.Factory()).serialize(value);
        } catch (TException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T extends TBase<?, ?>> T deserialize(T target, byte[] bytes) throws TException {
        if (bytes == null || bytes.length == 0) {
            throw new TException("empty node");
        }
        new TDeserializer(new TBinaryProtocol.Factory()).deserialize(target, bytes);
        return target;
    }
}
