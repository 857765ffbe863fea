package io.enif.bench.ycsb;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import site.ycsb.ByteArrayByteIterator;
import site.ycsb.ByteIterator;

/**
 * Encodes a YCSB record (field name → bytes) as one value, and back. Layout, all integers big-endian: {@code [u16
 * field count]} then per field {@code [u16 name length][name, UTF-8][u32 value length][value]}. The fields keep the
 * map's iteration order; names must be shorter than 64 KiB.
 */
public final class RecordCodec {
    private RecordCodec() {}

    /** The encoded record; consumes the iterators. */
    public static byte[] encode(Map<String, ByteIterator> values) {
        if (values.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many fields: " + values.size());
        }
        int size = 2;
        byte[][] names = new byte[values.size()][];
        byte[][] data = new byte[values.size()][];
        int i = 0;
        for (Map.Entry<String, ByteIterator> e : values.entrySet()) {
            names[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            if (names[i].length > 0xFFFF) {
                throw new IllegalArgumentException("field name too long: " + names[i].length + " bytes");
            }
            data[i] = e.getValue().toArray();
            size += 2 + names[i].length + 4 + data[i].length;
            i++;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putShort((short) names.length);
        for (int k = 0; k < names.length; k++) {
            out.putShort((short) names[k].length).put(names[k]);
            out.putInt(data[k].length).put(data[k]);
        }
        return out.array();
    }

    /**
     * Decodes a record into {@code result}: every field, or only those named in {@code fields} when it is not null.
     *
     * @throws IllegalArgumentException when the bytes are not an encoded record
     */
    public static void decode(byte[] encoded, Set<String> fields, Map<String, ByteIterator> result) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            int count = Short.toUnsignedInt(in.getShort());
            for (int k = 0; k < count; k++) {
                byte[] name = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(name);
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IllegalArgumentException("bad field length " + length);
                }
                String field = new String(name, StandardCharsets.UTF_8);
                if (fields == null || fields.contains(field)) {
                    result.put(
                            field,
                            new ByteArrayByteIterator(
                                    Arrays.copyOfRange(encoded, in.position(), in.position() + length)));
                }
                in.position(in.position() + length);
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated record of " + encoded.length + " bytes", e);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the last field");
        }
    }
}
