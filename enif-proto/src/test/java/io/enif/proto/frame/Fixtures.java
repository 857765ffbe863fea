package io.enif.proto.frame;

/** The verified frames of {@code spec/protocol.md} §2 and §4. */
final class Fixtures {
    /** §2: GET of hash "h" sort "s" in table 2 partition 3, timeout 1000, seqid 7. */
    static final byte[] GET_FRAME = Hex.bytes("""
            54484654 00000001 00000025 00000029
            08 0001 00000002 | 08 0002 00000003 | 08 0003 000003e8
            0a 0004 555d9839ecea8b30 | 02 0005 00 | 00
            80010001 00000011 "RPC_RRDB_RRDB_GET" 00000007
            0c 0001 00000004 00016873 | 00
            """);

    /** §2: QUERY_CFG of table "temp", seqid 0. */
    static final byte[] QUERY_CFG_FRAME = Hex.bytes("""
            54484654 00000001 00000025 0000004a
            08 0001 ffffffff | 08 0002 fffffffe | 08 0003 00001388 | 0a 0004 0000000000000000 | 02 0005 00 | 00
            80010001 00000026 "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX" 00000000
            0c 0001  0b 0001 00000004 "temp"  0f 0002 08 00000000  00   00
            """);

    /** §4: the reply to the GET above, value "v". */
    static final byte[] GET_REPLY = Hex.bytes("""
            00000067 00000006 "ERR_OK" 80010002 00000015 "RPC_RRDB_RRDB_GET_ACK" 00000007
            0c 0000
              08 0001 00000000
              0c 0002 00000001 76
              08 0003 00000002 | 08 0004 00000003
              0b 0006 0000000f "127.0.0.1:34801"
              00
            00
            """);

    private Fixtures() {}
}
