package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.update_request;
import io.enif.storage.checkpoint.CheckpointInfo;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckpointTest extends StoreTestBase {

    private void putAt(long d, String sortKey, String value) {
        store.apply(d, new WriteRequest.Put(new update_request(key("h", sortKey), b(value), 0)));
    }

    @Test
    void aCheckpointHoldsExactlyTheDataOfItsDecreeAndOpensAsAStore() throws IOException {
        for (long d = 1; d <= 10; d++) {
            putAt(d, "k" + d, "v" + d);
        }
        Path parent = tempDir.resolve("data");
        CheckpointInfo checkpoint = store.createCheckpoint(parent);
        assertThat(checkpoint.decree()).isEqualTo(10);
        assertThat(checkpoint.dir()).isEqualTo(parent.resolve("checkpoint.10"));
        assertThat(store.lastFlushedDecree()).isEqualTo(10);
        for (long d = 11; d <= 15; d++) {
            putAt(d, "k" + d, "v" + d);
        }

        Path learned = tempDir.resolve("learner");
        Checkpoints.copy(checkpoint.dir(), learned);
        try (PartitionStore learner = open(learned, options())) {
            assertThat(learner.lastFlushedDecree()).isEqualTo(10);
            assertThat(learner.lastCommittedDecree()).isEqualTo(10);
            assertThat(learner.sortkeyCount(b("h")).count).isEqualTo(10);
            assertThat(str(learner.get(key("h", "k10")).value)).isEqualTo("v10");
            assertThat(learner.get(key("h", "k11")).error).isEqualTo(RocksStatus.NOT_FOUND);
            learner.apply(11, new WriteRequest.Put(new update_request(key("h", "k11"), b("learned"), 0)));
            assertThat(str(learner.get(key("h", "k11")).value)).isEqualTo("learned");
        }
        assertThat(get("h", "k11")).isEqualTo("v11");
    }

    @Test
    void aCheckpointAgainWithoutWritesReturnsTheExistingOne() {
        putAt(1, "a", "1");
        Path parent = tempDir.resolve("data");
        CheckpointInfo first = store.createCheckpoint(parent);
        CheckpointInfo second = store.createCheckpoint(parent);
        assertThat(second).isEqualTo(first);
        assertThat(Files.isDirectory(first.dir())).isTrue();
    }

    @Test
    void listAndRetainTheNewestCheckpoints() throws IOException {
        Path parent = tempDir.resolve("data");
        for (long d = 1; d <= 4; d++) {
            putAt(d, "k" + d, "v");
            store.createCheckpoint(parent);
        }
        Files.createDirectories(parent.resolve("checkpoint.9.tmp"));
        Files.createDirectories(parent.resolve("rdb"));
        assertThat(Checkpoints.list(parent)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(Checkpoints.retainNewest(parent, 2)).containsExactly(1L, 2L);
        assertThat(Checkpoints.list(parent)).containsExactly(3L, 4L);
        assertThat(Files.exists(parent.resolve("checkpoint.1"))).isFalse();
        assertThat(Checkpoints.retainNewest(parent, 5)).isEmpty();
        assertThat(Checkpoints.list(tempDir.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void checkpointNamesCarryTheirDecree() {
        assertThat(Checkpoints.decreeOf(Path.of("/x/checkpoint.42"))).hasValue(42);
        assertThat(Checkpoints.decreeOf(Path.of("checkpoint."))).isEmpty();
        assertThat(Checkpoints.decreeOf(Path.of("checkpoint.4a"))).isEmpty();
        assertThat(Checkpoints.decreeOf(Path.of("checkpoint.4.tmp"))).isEmpty();
        assertThat(Checkpoints.decreeOf(Path.of("rdb"))).isEmpty();
    }
}
