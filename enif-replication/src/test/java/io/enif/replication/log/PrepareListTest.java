package io.enif.replication.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PrepareListTest {
    private static final Gpid GPID = new Gpid(1, 0);
    private static final HostPort PRIMARY = new HostPort("n1", 1);

    private static Mutation m(long ballot, long decree) {
        return Mutation.empty(GPID, ballot, decree, 0, decree);
    }

    @Test
    void commitsInDecreeOrderAndStopsAtTheFirstGap() {
        PrepareList list = new PrepareList(0, 110, 20);
        list.prepare(m(1, 1), null);
        list.prepare(m(1, 3), null);
        list.markLogged(1, 1);
        list.markLogged(1, 3);

        assertThat(list.commitReady(3, LogEntry::logged))
                .extracting(Mutation::decree)
                .containsExactly(1L);
        assertThat(list.lastCommittedDecree()).isEqualTo(1);

        list.prepare(m(1, 2), null);
        assertThat(list.commitReady(3, LogEntry::logged)).as("2 is not logged").isEmpty();
        list.markLogged(1, 2);
        assertThat(list.commitReady(2, LogEntry::logged))
                .as("never beyond the target")
                .extracting(Mutation::decree)
                .containsExactly(2L);
        assertThat(list.commitReady(10, LogEntry::logged))
                .extracting(Mutation::decree)
                .containsExactly(3L);
        assertThat(list.maxDecree()).isEqualTo(3);
    }

    @Test
    void higherBallotReplacesLowerIsRefusedCommittedIsRefused() {
        PrepareList list = new PrepareList(5, 110, 20);
        assertThat(list.prepare(m(2, 5), null).error()).isEqualTo(ErrorCode.ERR_INVALID_VERSION);
        assertThat(list.prepare(m(2, 6), PRIMARY).error()).isEqualTo(ErrorCode.ERR_OK);
        list.markLogged(2, 6);

        PrepareList.PrepareResult replaced = list.prepare(m(3, 6), PRIMARY);
        assertThat(replaced.error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(replaced.replaced().ballot()).isEqualTo(2);
        assertThat(list.get(6).logged())
                .as("the new ballot's copy must be logged again")
                .isFalse();
        assertThat(list.markLogged(2, 6))
                .as("a late completion of the old ballot")
                .isNull();

        assertThat(list.prepare(m(2, 6), PRIMARY).error()).isEqualTo(ErrorCode.ERR_INVALID_VERSION);
        assertThat(list.get(6).ballot()).isEqualTo(3);
    }

    @Test
    void windowKeepsCommittedMutationsUntilTheirSlotIsNeeded() {
        PrepareList list = new PrepareList(0, 4, 2);
        for (long d = 1; d <= 4; d++) {
            list.prepare(m(1, d), null);
            list.markLogged(1, d);
        }
        list.commitReady(3, LogEntry::logged);
        assertThat(list.minDecree()).isEqualTo(1);
        assertThat(list.committedRange(1, 3)).extracting(Mutation::decree).containsExactly(1L, 2L, 3L);

        assertThat(list.prepare(m(1, 5), null).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(list.minDecree()).as("decree 1 made room").isEqualTo(2);
        assertThat(list.committedRange(1, 3)).as("no longer all in memory").isNull();

        assertThat(list.prepare(m(1, 8), null).error())
                .as("would push uncommitted decree 4 out")
                .isEqualTo(ErrorCode.ERR_CAPACITY_EXCEEDED);
        assertThat(list.get(4)).isNotNull();
    }

    @Test
    void stalenessBoundsHowFarANewDecreeMayRunAhead() {
        PrepareList list = new PrepareList(10, 110, 20);
        assertThat(list.exceedsStaleness(30)).isFalse();
        assertThat(list.exceedsStaleness(31)).isTrue();
        assertThatThrownBy(() -> new PrepareList(0, 20, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetEmptiesTheWindow() {
        PrepareList list = new PrepareList(0, 110, 20);
        list.prepare(m(1, 1), null);
        list.prepare(m(1, 2), null);
        list.markLogged(1, 1);
        list.commitReady(1, LogEntry::logged);
        assertThat(list.reset(7))
                .as("only the uncommitted")
                .extracting(Mutation::decree)
                .containsExactly(2L);
        assertThat(list.lastCommittedDecree()).isEqualTo(7);
        assertThat(list.maxDecree()).isEqualTo(7);
        assertThat(list.minDecree()).isEqualTo(8);
        assertThat(list.uncommitted()).isEmpty();
    }
}
