package io.enif.replica.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.storage.checkpoint.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class CheckpointReserveTest {
    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path data;

    private void checkpoint(long decree, long ageSeconds) throws Exception {
        Path dir = Files.createDirectories(Checkpoints.dirFor(data, decree));
        Files.writeString(dir.resolve("CURRENT"), "x");
        Files.setLastModifiedTime(dir, FileTime.fromMillis(NOW - ageSeconds * 1000));
    }

    @Test
    void theOldestGoOnlyWhenBeyondTheCountAndOlderThanTheReserveTime() throws Exception {
        checkpoint(10, 4000);
        checkpoint(20, 3000);
        checkpoint(30, 1000);
        checkpoint(40, 10);
        CheckpointReserve reserve = new CheckpointReserve(1, 1800);
        assertThat(reserve.prune(data, NOW)).containsExactly(10L, 20L); // 30 is younger than 1800 s
        assertThat(Checkpoints.list(data)).containsExactly(30L, 40L);

        reserve.setTimeSeconds(0); // no time check: the count alone decides
        assertThat(reserve.prune(data, NOW)).containsExactly(30L);
        assertThat(Checkpoints.list(data)).containsExactly(40L);
    }

    @Test
    void aLargerCountKeepsMoreAndBadValuesAreRefused() throws Exception {
        checkpoint(1, 9000);
        checkpoint(2, 9000);
        checkpoint(3, 9000);
        CheckpointReserve reserve = CheckpointReserve.ofMinCount(3);
        assertThat(reserve.prune(data, NOW)).isEmpty();
        reserve.setMinCount(2);
        assertThat(reserve.prune(data, NOW)).containsExactly(1L);
        assertThatThrownBy(() -> reserve.setMinCount(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reserve.setTimeSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reserve.minCount()).isEqualTo(2);
        assertThat(reserve.timeSeconds()).isZero();
    }
}
