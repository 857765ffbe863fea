package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.count_response;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SortKeyCountTest extends StoreTestBase {

    @Test
    void countsTheLiveRecordsOfOneHashKey() {
        put("h", "a", "1");
        put("h", "b", "2");
        put("h", "c", "3", in(1));
        put("ha", "a", "other");
        put("g", "a", "other");
        assertThat(store.sortkeyCount(b("h")).count).isEqualTo(3);
        clock.advanceSeconds(1);
        count_response r = store.sortkeyCount(b("h"));
        assertThat(r.error).isZero();
        assertThat(r.count).isEqualTo(2);
        assertThat(r.server).isEqualTo(SERVER);
        assertThat(store.sortkeyCount(b("nobody")).count).isZero();
    }

    @Test
    void givingUpOnTimeCountsMinusOne() {
        for (int i = 0; i < 10; i++) {
            put("h", "k" + i, "v");
        }
        clock.autoAdvanceNanos(20_000_000_000L);
        count_response r = store.sortkeyCount(b("h"));
        assertThat(r.error).isZero();
        assertThat(r.count).isEqualTo(-1);
    }
}
