package io.enif.proto.idl;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.RawValue;
import io.enif.proto.base.blob;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.base.task_code;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TBase;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.meta_data.EnumMetaData;
import org.apache.thrift.meta_data.FieldMetaData;
import org.apache.thrift.meta_data.FieldValueMetaData;
import org.apache.thrift.meta_data.ListMetaData;
import org.apache.thrift.meta_data.MapMetaData;
import org.apache.thrift.meta_data.SetMetaData;
import org.apache.thrift.meta_data.StructMetaData;
import org.apache.thrift.protocol.TType;

/**
 * Sets every field of a generated struct, nested structs, containers and placeholder types included, to a non-default
 * sample value, driven by the struct's Thrift metadata.
 */
final class StructFiller {
    private StructFiller() {}

    /** A new instance of {@code type} with every field set. */
    static <T extends TBase<?, ?>> T filled(Class<T> type) {
        T value = Wire.newInstance(type);
        fill(value);
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fill(TBase struct) {
        Map<? extends TFieldIdEnum, FieldMetaData> fields = FieldMetaData.getStructMetaDataMap(struct.getClass());
        for (Map.Entry<? extends TFieldIdEnum, FieldMetaData> field : fields.entrySet()) {
            struct.setFieldValue(field.getKey(), sample(field.getValue().valueMetaData));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sample(FieldValueMetaData meta) {
        switch (meta.type) {
            case TType.BOOL:
                return true;
            case TType.BYTE:
                return (byte) 7;
            case TType.I16:
                return (short) 300;
            case TType.I32:
                return 70_000;
            case TType.I64:
                return 5_000_000_000L;
            case TType.DOUBLE:
                return 0.5;
            case TType.STRING:
                return meta.isBinary() ? ByteBuffer.wrap(new byte[] {1, 2}) : "text";
            case TType.ENUM:
                Object[] constants = ((EnumMetaData) meta).enumClass.getEnumConstants();
                return constants[constants.length - 1];
            case TType.STRUCT:
                Class<? extends TBase<?, ?>> structType =
                        (Class<? extends TBase<?, ?>>) ((StructMetaData) meta).structClass;
                return RawValue.class.isAssignableFrom(structType) ? placeholder(structType) : filled(structType);
            case TType.LIST:
                List<Object> list = new ArrayList<>();
                list.add(sample(((ListMetaData) meta).elemMetaData));
                return list;
            case TType.SET:
                HashSet<Object> set = new HashSet<>();
                set.add(sample(((SetMetaData) meta).elemMetaData));
                return set;
            case TType.MAP:
                MapMetaData map = (MapMetaData) meta;
                Map<Object, Object> entries = new HashMap<>();
                entries.put(sample(map.keyMetaData), sample(map.valueMetaData));
                return entries;
            default:
                throw new AssertionError("no sample for Thrift type " + meta.type);
        }
    }

    /** A sample value of a placeholder type that differs from its default. */
    static Object placeholder(Class<?> type) {
        if (type == blob.class) {
            return blob.of("bytes");
        } else if (type == error_code.class) {
            return error_code.of(ErrorCode.ERR_BUSY);
        } else if (type == gpid.class) {
            return new gpid(3, 5);
        } else if (type == rpc_address.class) {
            return rpc_address.fromHostPort(new HostPort("127.0.0.1", 34801));
        } else if (type == host_port.class) {
            return host_port.of(new HostPort("replica1.example", 34801));
        } else if (type == task_code.class) {
            return new task_code("RPC_RRDB_RRDB_PUT");
        }
        throw new AssertionError("unknown placeholder type " + type);
    }
}
