package io.enif.client.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.hash.Crc64;
import io.enif.proto.frame.RequestFrameEncoder;
import io.enif.proto.frame.RequestMeta;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.ResponseFrameDecoder;
import io.enif.proto.frame.Thft;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.read_response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ops' requests and reply decoding against the frames {@code spec/protocol.md} §2 and §4 give as verified with
 * Pegasus's own Java client (the fixtures are the spec's bytes, not Enif's encoder output).
 */
@Timeout(10)
class OpsWireTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String hex(String name) {
        return HEX.formatHex(name.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void getOpSendsTheVerifiedGetFrame() throws Exception {
        String expected = "54484654" + "00000001" + "00000025" + "00000029"
                + "08000100000002" + "08000200000003" + "080003000003e8"
                + "0a0004555d9839ecea8b30" + "02000500" + "00"
                + "80010001" + "00000011" + hex("RPC_RRDB_RRDB_GET") + "00000007"
                + "0c0001" + "00000004" + "00016873" + "00";
        GetOp op = new GetOp(KeyCodec.encode("h".getBytes(), "s".getBytes()));

        assertThat(op.target().partitionHash()).isEqualTo(Crc64.compute("h".getBytes()));
        RequestMeta meta = RequestMeta.v1(new Gpid(2, 3), 1000, op.target().partitionHash(), false);
        byte[] frame = RequestFrameEncoder.encode(meta, op.spec().name(), Thft.CALL, 7, op.args());

        assertThat(HEX.formatHex(frame)).isEqualTo(expected);
    }

    @Test
    void queryCfgOpSendsTheVerifiedBody() throws Exception {
        String expected = "54484654" + "00000001" + "00000025" + "0000004a"
                + "080001ffffffff" + "080002fffffffe" + "08000300001388"
                + "0a00040000000000000000" + "02000500" + "00"
                + "80010001" + "00000026" + hex("RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX") + "00000000"
                + "0c0001" + "0b0001" + "00000004" + hex("temp") + "0f0002" + "08" + "00000000" + "00" + "00";
        QueryCfgOp op = new QueryCfgOp("temp");

        RequestMeta meta = RequestMeta.v1(new Gpid(-1, -2), 5000, 0, false);
        byte[] frame = RequestFrameEncoder.encode(meta, op.spec().name(), Thft.CALL, 0, op.args());

        assertThat(HEX.formatHex(frame)).isEqualTo(expected);
    }

    @Test
    void getOpReadsTheVerifiedGetReply() throws Exception {
        String reply = "00000067" + "00000006" + hex("ERR_OK") + "80010002" + "00000015"
                + hex("RPC_RRDB_RRDB_GET_ACK") + "00000007"
                + "0c0000"
                + "08000100000000"
                + "0c0002" + "00000001" + "76"
                + "08000300000002" + "08000400000003"
                + "0b0006" + "0000000f" + hex("127.0.0.1:34801")
                + "00" + "00";
        ResponseFrame frame = ResponseFrameDecoder.decode(ByteBuffer.wrap(HEX.parseHex(reply)));
        GetOp op = new GetOp(KeyCodec.encode("h".getBytes(), "s".getBytes()));

        read_response response = frame.readResult(op.newResponse());

        assertThat(frame.seqid()).isEqualTo(7);
        assertThat(new String(op.result(response), StandardCharsets.UTF_8)).isEqualTo("v");
    }
}
