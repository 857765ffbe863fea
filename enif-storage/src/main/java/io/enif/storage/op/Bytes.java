package io.enif.storage.op;

import io.enif.proto.base.blob;
import java.util.Arrays;

/** Byte-string helpers: null-safe blob access and unsigned matching within a slice. */
public final class Bytes {
    /** The empty byte string. */
    public static final byte[] EMPTY = new byte[0];

    private Bytes() {}

    /** The bytes of a blob, empty for a null blob (a field absent on the wire). */
    public static byte[] of(blob b) {
        return b == null ? EMPTY : b.data();
    }

    /** Whether {@code buf[off, off+len)} starts with {@code prefix}. */
    public static boolean startsWith(byte[] buf, int off, int len, byte[] prefix) {
        return len >= prefix.length && Arrays.equals(buf, off, off + prefix.length, prefix, 0, prefix.length);
    }

    /** Whether {@code buf[off, off+len)} ends with {@code suffix}. */
    public static boolean endsWith(byte[] buf, int off, int len, byte[] suffix) {
        return len >= suffix.length
                && Arrays.equals(buf, off + len - suffix.length, off + len, suffix, 0, suffix.length);
    }

    /** Whether {@code buf[off, off+len)} contains {@code needle} (an empty needle is everywhere). */
    public static boolean contains(byte[] buf, int off, int len, byte[] needle) {
        int last = off + len - needle.length;
        for (int i = off; i <= last; i++) {
            if (Arrays.equals(buf, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** Unsigned lexicographic comparison, as RocksDB's default comparator orders keys. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
