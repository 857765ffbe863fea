package io.enif.proto.idl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds expected TBinaryProtocol bytes by hand, big-endian, field by field, so that tests can pin type bytes and
 * field ids independently of the generated writers.
 */
final class WireBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static WireBytes bytes() {
        return new WireBytes();
    }

    WireBytes field(int type, int id) {
        return i8(type).i16(id);
    }

    WireBytes i8(int value) {
        out.write(value & 0xff);
        return this;
    }

    WireBytes i16(int value) {
        return i8(value >> 8).i8(value);
    }

    WireBytes i32(int value) {
        return i16(value >> 16).i16(value);
    }

    WireBytes i64(long value) {
        return i32((int) (value >> 32)).i32((int) value);
    }

    WireBytes bool(boolean value) {
        return i8(value ? 1 : 0);
    }

    WireBytes string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        i32(utf8.length);
        out.write(utf8, 0, utf8.length);
        return this;
    }

    /** A raw host_port: string host, i16 port, byte type 1 (IPv4). */
    WireBytes hostPort(String host, int port) {
        return string(host).i16(port).i8(1);
    }

    WireBytes list(int elementType, int size) {
        return i8(elementType).i32(size);
    }

    WireBytes map(int keyType, int valueType, int size) {
        return i8(keyType).i8(valueType).i32(size);
    }

    WireBytes stop() {
        return i8(0);
    }

    byte[] build() {
        return out.toByteArray();
    }
}
