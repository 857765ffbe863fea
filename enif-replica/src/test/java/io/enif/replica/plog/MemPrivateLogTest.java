package io.enif.replica.plog;

import static io.enif.replica.plog.PlogFixtures.decrees;
import static io.enif.replica.plog.PlogFixtures.payload;
import static io.enif.replica.plog.PlogFixtures.range;
import static io.enif.replica.plog.PlogFixtures.replayAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MemPrivateLogTest {

    private static List<CompletableFuture<Void>> append(MemPrivateLog log, long from, long to, long ballot) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long d = from; d <= to; d++) {
            futures.add(log.append(d, ballot, payload(d, ballot)));
        }
        return futures;
    }

    @Test
    void autoCompleteMakesAppendsDurableAtOnce() {
        MemPrivateLog log = new MemPrivateLog();
        assertThat(log.maxDecree()).isZero();
        assertThat(log.minDecree()).isZero();
        assertThat(append(log, 1, 3, 1)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(log.durableRecords()).hasSize(3);
        assertThat(replayAll(log).get(1)).isEqualTo(new LogRecord(2, 1, payload(2, 1)));
        assertThat(log.maxDecree()).isEqualTo(3);
        assertThat(log.minDecree()).isEqualTo(1);
        assertThat(log.filesFrom(0)).isEmpty();
    }

    @Test
    void manualModeCompletesInOrderWhenTold() {
        MemPrivateLog log = new MemPrivateLog(false);
        List<Long> completed = new ArrayList<>();
        List<CompletableFuture<Void>> futures = append(log, 1, 4, 1);
        for (int i = 0; i < futures.size(); i++) {
            long decree = i + 1;
            futures.get(i).thenRun(() -> completed.add(decree));
        }
        assertThat(log.pendingCount()).isEqualTo(4);
        assertThat(decrees(replayAll(log))).as("pending records are in the log").isEqualTo(range(1, 4));
        assertThat(log.completeNext()).isTrue();
        assertThat(completed).containsExactly(1L);
        assertThat(log.completeAll()).isEqualTo(3);
        assertThat(completed).isEqualTo(range(1, 4));
        assertThat(log.completeNext()).isFalse();
    }

    @Test
    void crashDropsWhatWasNotDurable() {
        MemPrivateLog log = new MemPrivateLog(false);
        append(log, 1, 3, 1);
        log.completeAll();
        List<CompletableFuture<Void>> lost = append(log, 4, 6, 1);
        log.completeNext();
        assertThat(log.crash()).isEqualTo(2);
        assertThat(decrees(replayAll(log))).isEqualTo(range(1, 4));
        assertThat(log.maxDecree()).isEqualTo(4);
        assertThat(lost.get(0)).isCompleted();
        assertThat(lost.get(1)).as("a crashed append never hears back").isNotDone();
        append(log, 5, 5, 2);
        log.completeAll();
        assertThat(decrees(log.durableRecords())).isEqualTo(range(1, 5));
    }

    @Test
    void failNextFailsTheLogForGood() {
        MemPrivateLog log = new MemPrivateLog(false);
        append(log, 1, 2, 1);
        log.completeAll();
        List<CompletableFuture<Void>> futures = append(log, 3, 5, 1);
        log.failNext(new IOException("disk gone"));
        assertThat(log.completeAll()).isEqualTo(3);
        assertThat(futures)
                .allSatisfy(f -> assertThatThrownBy(f::join)
                        .isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(LogIoException.class));
        assertThatThrownBy(() -> log.append(6, 1, payload(6, 1)).join()).hasCauseInstanceOf(LogIoException.class);
        assertThatThrownBy(log::flush).isInstanceOf(LogIoException.class).hasRootCauseMessage("disk gone");
        assertThat(decrees(replayAll(log))).isEqualTo(range(1, 2));
        log.crash(); // a restart clears the failure
        CompletableFuture<Void> again = log.append(3, 2, payload(3, 2));
        log.completeAll();
        assertThat(again).isCompleted();
        assertThat(decrees(log.durableRecords())).isEqualTo(range(1, 3));
    }

    @Test
    void failNextInAutoCompleteModeFailsTheNextAppend() {
        MemPrivateLog log = new MemPrivateLog();
        log.failNext(new IOException("bad sector"));
        assertThatThrownBy(() -> log.append(1, 1, payload(1, 1)).join()).hasCauseInstanceOf(LogIoException.class);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void gcDropsADurablePrefixButKeepsTheNewestRecord() {
        MemPrivateLog log = new MemPrivateLog(false);
        append(log, 1, 5, 1);
        log.completeNext();
        log.completeNext();
        log.completeNext();
        log.gc(10);
        assertThat(decrees(log.records()))
                .as("pending records are never collected")
                .isEqualTo(range(4, 5));
        log.completeAll();
        log.gc(10);
        assertThat(decrees(log.records())).containsExactly(5L);
        assertThat(log.maxDecree()).isEqualTo(5);
        log.crash();
        assertThat(log.maxDecree()).isEqualTo(5);
    }

    @Test
    void gcStopsAtAnOlderHigherDecree() {
        MemPrivateLog log = new MemPrivateLog();
        append(log, 1, 5, 1);
        append(log, 3, 4, 2);
        log.gc(3);
        assertThat(decrees(log.records())).containsExactly(4L, 5L, 3L, 4L);
    }

    @Test
    void closeCompletesPendingAndRefusesLaterAppends() {
        MemPrivateLog log = new MemPrivateLog(false);
        List<CompletableFuture<Void>> futures = append(log, 1, 3, 1);
        log.close();
        log.close();
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThatThrownBy(() -> log.append(4, 1, payload(4, 1)).join()).hasCauseInstanceOf(LogIoException.class);
        assertThat(log.appendCount()).isEqualTo(3);
    }

    @Test
    void flushMakesPendingAppendsDurable() {
        MemPrivateLog log = new MemPrivateLog(false);
        List<CompletableFuture<Void>> futures = append(log, 1, 2, 1);
        log.flush();
        assertThat(futures).allMatch(CompletableFuture::isDone);
        assertThat(log.pendingCount()).isZero();
    }
}
