package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.full_key;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchGetTest extends StoreTestBase {

    @Test
    void returnsPresentRecordsAndSkipsMissingOnes() {
        put("h1", "a", "1");
        put("h2", "b", "2");
        put("h3", "c", "3", in(1));
        clock.advanceSeconds(1);
        batch_get_response r = store.batchGet(new batch_get_request(List.of(
                new full_key(b("h2"), b("b")),
                new full_key(b("h1"), b("missing")),
                new full_key(b("h3"), b("c")),
                new full_key(b("h1"), b("a")))));
        assertThat(r.error).isZero();
        assertThat(r.server).isEqualTo(SERVER);
        assertThat(r.data)
                .extracting(d -> str(d.hash_key) + "/" + str(d.sort_key) + "=" + str(d.value))
                .containsExactly("h2/b=2", "h1/a=1");
    }

    @Test
    void anEmptyKeyListIsInvalid() {
        batch_get_response r = store.batchGet(new batch_get_request(new ArrayList<>()));
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(r.data).isNotNull().isEmpty();
        assertThat(store.batchGet(new batch_get_request()).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
    }

    @Test
    void nullKeyPartsReadAsEmpty() {
        put("", "", "root");
        batch_get_response r = store.batchGet(new batch_get_request(List.of(new full_key(null, null))));
        assertThat(r.data).extracting(d -> str(d.value)).containsExactly("root");
    }
}
