package io.enif.meta.fd;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.meta.fd.WorkerLease.Event;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The replica side of spec/ops-recovery-and-architecture.md §6.5, with the default 20 s lease and 2 s checks. */
@Timeout(10)
class WorkerLeaseTest {
    private static final long T0 = 5_000_000;
    private final WorkerLease lease = new WorkerLease(FailureDetectorConfig.defaults());

    @Test
    void startsDisconnectedAndTheFirstAckConnects() {
        assertThat(lease.isConnected()).isFalse();
        assertThat(lease.check(T0)).isEqualTo(Event.NONE);
        assertThat(lease.onBeaconAck(T0, true, T0 + 5)).isEqualTo(Event.CONNECTED);
        assertThat(lease.isConnected()).isTrue();
    }

    @Test
    void disconnectsWhenTheLeaseWouldExpireBeforeTheNextCheck() {
        lease.onBeaconAck(T0, true, T0);
        // now + check(2 s) - send > lease(20 s)  <=>  now > send + 18 s
        assertThat(lease.check(T0 + 18_000)).isEqualTo(Event.NONE);
        assertThat(lease.isConnected()).isTrue();
        assertThat(lease.check(T0 + 18_001)).isEqualTo(Event.DISCONNECTED);
        assertThat(lease.isConnected()).isFalse();
        assertThat(lease.check(T0 + 30_000)).as("reported once").isEqualTo(Event.NONE);
    }

    @Test
    void acksExtendTheLeaseFromTheirSendTime() {
        lease.onBeaconAck(T0, true, T0 + 100);
        lease.onBeaconAck(T0 + 3_000, true, T0 + 3_100);
        assertThat(lease.check(T0 + 21_000)).isEqualTo(Event.NONE);
        assertThat(lease.check(T0 + 21_001)).isEqualTo(Event.DISCONNECTED);
    }

    @Test
    void staleAcksAndAcksFromFollowersDoNotExtend() {
        lease.onBeaconAck(T0 + 3_000, true, T0 + 3_000);
        assertThat(lease.onBeaconAck(T0, true, T0 + 3_500)).isEqualTo(Event.NONE);
        assertThat(lease.onBeaconAck(T0 + 6_000, false, T0 + 6_000)).isEqualTo(Event.NONE);
        assertThat(lease.lastAckedSendMs()).isEqualTo(T0 + 3_000);
        assertThat(lease.check(T0 + 21_001)).isEqualTo(Event.DISCONNECTED);
    }

    @Test
    void aLateAckReconnectsOnlyWithinTheLeaseOfItsSendTime() {
        lease.onBeaconAck(T0, true, T0);
        lease.check(T0 + 19_000);
        assertThat(lease.isConnected()).isFalse();

        assertThat(lease.onBeaconAck(T0 + 1_000, true, T0 + 21_001))
                .as("received 20.001 s after it was sent: too late")
                .isEqualTo(Event.NONE);
        assertThat(lease.onBeaconAck(T0 + 2_000, true, T0 + 22_000)).isEqualTo(Event.CONNECTED);
    }

    @Test
    void disabledLeaseNeverExpires() {
        FailureDetectorConfig base = FailureDetectorConfig.defaults();
        WorkerLease disabled = new WorkerLease(new FailureDetectorConfig(
                base.beaconIntervalMs(),
                base.checkIntervalMs(),
                base.leaseMs(),
                base.graceMs(),
                true,
                base.stableRsMinRunningMs(),
                base.maxSuccessiveUnstableRestarts(),
                false,
                Set.of()));
        disabled.onBeaconAck(T0, true, T0);
        assertThat(disabled.check(T0 + 1_000_000)).isEqualTo(Event.NONE);
        assertThat(disabled.isConnected()).isTrue();
    }

    /**
     * The reason for grace > lease: whatever the delays and the phases of the two checkers, the replica server stops
     * serving before the meta server declares it dead (FD-A5, no two primaries).
     */
    @Test
    void replicaAlwaysStopsServingBeforeMetaDeclaresItDead() {
        FailureDetectorConfig config = FailureDetectorConfig.defaults();
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            WorkerLease worker = new WorkerLease(config);
            FailureDetector meta = new FailureDetector(config);
            long workerPhase = random.nextInt(2_000);
            long metaPhase = random.nextInt(2_000);
            long lastSend = 0;
            // beacons every 3 s with random one-way delays under the 2 s beacon timeout, for a while
            for (long send = 0; send < 30_000; send += 3_000) {
                long received = send + random.nextInt(1_000);
                meta.onBeacon(r(1), 0, received);
                worker.onBeaconAck(send, true, received + random.nextInt(1_000));
                lastSend = send;
            }
            // then the network is cut: find when each side gives up
            long workerStops = -1;
            long metaDeclaresDead = -1;
            for (long t = lastSend; workerStops < 0 || metaDeclaresDead < 0; t++) {
                if (workerStops < 0 && (t - workerPhase) % 2_000 == 0 && worker.check(t) == Event.DISCONNECTED) {
                    workerStops = t;
                }
                if (metaDeclaresDead < 0
                        && (t - metaPhase) % 2_000 == 0
                        && !meta.check(t).becameDead().isEmpty()) {
                    metaDeclaresDead = t;
                }
            }
            assertThat(workerStops).as("run %d", run).isLessThan(metaDeclaresDead);
            assertThat(workerStops - lastSend).isLessThanOrEqualTo(config.leaseMs());
        }
    }
}
