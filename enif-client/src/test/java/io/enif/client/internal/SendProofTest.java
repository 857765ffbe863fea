package io.enif.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.rpc.RpcException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SendProofTest {

    @Test
    void aRefusedOrAlreadyClosedConnectionProvesNothingWasSent() {
        assertThat(SendProof.neverSent(
                        RpcException.sessionReset("cannot connect to 127.0.0.1:1", new ConnectException("refused"))))
                .isTrue();
        assertThat(SendProof.neverSent(RpcException.sessionReset("session to 127.0.0.1:1 is closed", null)))
                .isTrue();
    }

    @Test
    void aConnectionLostAfterSendingOrATimeoutProvesNothing() {
        assertThat(SendProof.neverSent(RpcException.sessionReset("connection to 127.0.0.1:1 closed", null)))
                .isFalse();
        assertThat(SendProof.neverSent(RpcException.timeout("no reply in time")))
                .isFalse();
        assertThat(SendProof.neverSent(new RpcException("ERR_BUSY", "session is closed")))
                .isFalse();
    }
}
