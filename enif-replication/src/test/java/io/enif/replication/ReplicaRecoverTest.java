package io.enif.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReplicaRecoverTest {
    private static final Gpid GPID = new Gpid(1, 0);
    private static final HostPort SELF = new HostPort("127.0.0.1", 34801);

    /** Decrees {@code from..to} as a primary logs them: each piggybacks the commit point one decree behind. */
    private static List<Mutation> logged(long from, long to, long ballot) {
        List<Mutation> log = new ArrayList<>();
        for (long d = from; d <= to; d++) {
            log.add(Mutation.empty(GPID, ballot, d, d - 1, d));
        }
        return log;
    }

    @Test
    void aLogFarBeyondTheDurableStorageIsReplayedWhole() {
        // After a kill -9 the storage holds only what RocksDB flushed (decree 716), while the private log holds 685
        // decrees more: six times the prepare list's window of 110.
        ReplicaOptions options = ReplicaOptions.defaults();
        assertThat(options.maxMutationCountInPrepareList()).isLessThan(685);
        List<Mutation> log = logged(717, 1401, 7);
        Collections.shuffle(log, new java.util.Random(3));

        Replica replica = Replica.recover(GPID, SELF, options, 716, log);

        assertThat(replica.lastCommittedDecree()).isEqualTo(1400);
        assertThat(replica.ballot()).isEqualTo(7);
        Ready ready = replica.ready();
        assertThat(ready.commits()).hasSize(1400 - 716);
        assertThat(ready.commits().get(0).decree()).isEqualTo(717);
        assertThat(ready.commits().get(ready.commits().size() - 1).decree()).isEqualTo(1400);
    }

    @Test
    void theDecreeBeyondTheLastCommitPointStaysPreparedForReconciliation() {
        Replica replica = Replica.recover(GPID, SELF, ReplicaOptions.defaults(), 0, logged(1, 30, 2));
        assertThat(replica.lastCommittedDecree()).isEqualTo(29);
        assertThat(replica.ready().commits()).hasSize(29);
    }
}
