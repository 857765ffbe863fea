package io.enif.proto.frame;

import org.apache.thrift.protocol.TMessageType;

/** Constants of the THFT framing ({@code spec/protocol.md} §2 and §4). */
public final class Thft {
    /** The request magic, {@code "THFT"}, as a big-endian u32. */
    public static final int MAGIC = 0x54484654;

    /** Header version 0: a fixed 48-byte header, CRC fields ignored. */
    public static final int VERSION_0 = 0;

    /** Header version 1: 16 bytes, then the {@code request_meta} struct; the only version the Java client sends. */
    public static final int VERSION_1 = 1;

    /** Length of the v0 header, which is also the value of its {@code hdr_length} field. */
    public static final int V0_HEADER_LENGTH = 48;

    /** Length of the fixed part of the v1 header (magic, version, meta_len, body_len). */
    public static final int V1_HEADER_LENGTH = 16;

    /** Length of magic + version, enough to tell the versions apart. */
    public static final int VERSION_PREFIX_LENGTH = 8;

    /** Thrift message type of a request that expects a reply. */
    public static final byte CALL = TMessageType.CALL;

    /** Thrift message type of a reply. */
    public static final byte REPLY = TMessageType.REPLY;

    /** Thrift message type of a request that expects no reply. */
    public static final byte ONEWAY = TMessageType.ONEWAY;

    /** Suffix of a reply's message name: the reply to {@code RPC_X} is named {@code RPC_X_ACK}. */
    public static final String REPLY_SUFFIX = "_ACK";

    /** The success error name of a response frame. */
    public static final String ERR_OK = "ERR_OK";

    /** Pegasus's thread hash of a gpid, which v0 headers carry and v1 headers leave to the server to compute. */
    public static int threadHash(int appId, int partitionIndex) {
        return appId * 7919 + partitionIndex;
    }

    /** The name of the reply to a request named {@code requestName}. */
    public static String replyName(String requestName) {
        return requestName + REPLY_SUFFIX;
    }

    private Thft() {}
}
