package io.enif.common.hash;

/**
 * The CRC-64 that Pegasus uses to map hash keys to partitions ({@code spec/protocol.md} §9).
 *
 * <p>A reflected, table-driven CRC with the reflected polynomial {@code 0x9a6c9329ac4bc9b5}, an all-ones initial
 * register and an all-ones final XOR. It is neither CRC-64/ECMA nor CRC-64/XZ; the test vectors in the spec pin it.
 */
public final class Crc64 {
    private static final long POLY_REFLECTED = 0x9a6c9329ac4bc9b5L;
    private static final long[] TABLE = buildTable();

    private Crc64() {}

    private static long[] buildTable() {
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY_REFLECTED : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    /** The CRC of {@code length} bytes of {@code data} from {@code offset}. */
    public static long compute(byte[] data, int offset, int length) {
        long crc = ~0L;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(int) ((crc ^ data[i]) & 0xff)] ^ (crc >>> 8);
        }
        return ~crc;
    }

    /** The CRC of all of {@code data}. */
    public static long compute(byte[] data) {
        return compute(data, 0, data.length);
    }
}
