package io.enif.proto.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.base.blob;
import io.enif.proto.rrdb.update_request;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RequestFrameEncoderTest {

    @Test
    void reproducesTheGetFrameOfTheSpec() throws Exception {
        RequestMeta meta = RequestMeta.v1(new Gpid(2, 3), 1000, 0x555d9839ecea8b30L, false);

        byte[] frame = RequestFrameEncoder.encodeCall(
                meta, "RPC_RRDB_RRDB_GET", 7, ArgsField.blob(new byte[] {0x00, 0x01, 'h', 's'}));

        assertThat(frame).isEqualTo(Fixtures.GET_FRAME);
    }

    @Test
    void reproducesTheQueryConfigFrameOfTheSpec() throws Exception {
        RequestMeta meta = RequestMeta.v1(new Gpid(-1, -2), 5000, 0, false);
        query_cfg_request request = new query_cfg_request("temp", List.of());

        byte[] frame = RequestFrameEncoder.encodeCall(
                meta, "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX", 0, ArgsField.struct(request));

        assertThat(frame).isEqualTo(Fixtures.QUERY_CFG_FRAME);
    }

    @Test
    void roundTripsStructsAndI64ArgsThroughBothHeaderVersions() throws Exception {
        update_request put = new update_request()
                .setKey(blob.of("key"))
                .setValue(blob.of("value"))
                .setExpire_ts_seconds(42);
        for (int version : new int[] {Thft.VERSION_0, Thft.VERSION_1}) {
            RequestMeta meta = new RequestMeta(version, 5, 6, 300, -7L, false);

            RequestFrame decodedPut = RequestFrameDecoder.decode(ByteBuffer.wrap(
                    RequestFrameEncoder.encode(meta, "RPC_RRDB_RRDB_PUT", Thft.CALL, 11, ArgsField.struct(put))));
            RequestFrame decodedClear = RequestFrameDecoder.decode(ByteBuffer.wrap(RequestFrameEncoder.encode(
                    meta, "RPC_RRDB_RRDB_CLEAR_SCANNER", Thft.ONEWAY, 12, ArgsField.i64(-99L))));

            assertThat(decodedPut.meta()).isEqualTo(meta);
            assertThat(decodedPut.seqid()).isEqualTo(11);
            assertThat(decodedPut.readArgs(new update_request())).isEqualTo(put);
            assertThat(decodedClear.isOneway()).isTrue();
            assertThat(decodedClear.readI64Arg()).isEqualTo(-99L);
        }
    }

    @Test
    void carriesTheBackupRequestFlag() throws Exception {
        RequestMeta meta = RequestMeta.v1(new Gpid(1, 0), 10, 3, true);

        RequestFrame frame = RequestFrameDecoder.decode(ByteBuffer.wrap(
                RequestFrameEncoder.encodeCall(meta, "RPC_RRDB_RRDB_GET", 1, ArgsField.blob(new byte[0]))));

        assertThat(frame.meta().backupRequest()).isTrue();
    }

    @Test
    void refusesReplyTypedRequests() {
        RequestMeta meta = RequestMeta.v1(new Gpid(1, 0), 10, 3, false);

        assertThatThrownBy(() -> RequestFrameEncoder.encode(meta, "X", Thft.REPLY, 1, ArgsField.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
