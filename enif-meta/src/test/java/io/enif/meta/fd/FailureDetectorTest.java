package io.enif.meta.fd;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The meta side of spec/ops-recovery-and-architecture.md §6.5, with the default 22 s grace. */
@Timeout(10)
class FailureDetectorTest {
    private static final long START = 1_000_000;
    private final FailureDetector fd = new FailureDetector(FailureDetectorConfig.defaults());

    @Test
    void firstBeaconMakesANodeAliveAtOnce() {
        BeaconResult result = fd.onBeacon(r(1), START - 5_000, START);
        assertThat(result.accepted()).isTrue();
        assertThat(result.becameAlive()).isTrue();
        assertThat(fd.isAlive(r(1))).isTrue();
        assertThat(fd.check(START + 1).becameAlive()).containsExactly(r(1));
        assertThat(fd.check(START + 2).isEmpty())
                .as("each transition is reported once")
                .isTrue();
    }

    @Test
    void exactlyGraceOfSilenceIsStillAliveOneMoreMillisecondIsDead() {
        fd.onBeacon(r(1), 0, START);
        fd.check(START);
        assertThat(fd.check(START + 22_000).becameDead()).isEmpty();
        assertThat(fd.isAlive(r(1))).isTrue();
        FdTransitions transitions = fd.check(START + 22_001);
        assertThat(transitions.becameDead()).containsExactly(r(1));
        assertThat(fd.isAlive(r(1))).isFalse();
        assertThat(fd.sinceMs(r(1))).contains(START + 22_001);
        assertThat(fd.check(START + 30_000).becameDead())
                .as("death is reported once")
                .isEmpty();
    }

    @Test
    void regularBeaconsKeepANodeAlive() {
        for (long t = START; t <= START + 120_000; t += 3_000) {
            fd.onBeacon(r(1), 0, t);
            assertThat(fd.check(t + 2_000).becameDead()).isEmpty();
        }
        assertThat(fd.isAlive(r(1))).isTrue();
    }

    @Test
    void aBeaconRevivesADeadNode() {
        fd.onBeacon(r(1), 0, START);
        fd.check(START + 30_000);
        assertThat(fd.isAlive(r(1))).isFalse();

        BeaconResult result = fd.onBeacon(r(1), 0, START + 31_000);
        assertThat(result.becameAlive()).isTrue();
        assertThat(fd.check(START + 32_000).becameAlive()).containsExactly(r(1));
        assertThat(fd.sinceMs(r(1))).contains(START + 31_000);
    }

    @Test
    void aBeaconNotLaterThanTheLastChangesNothing() {
        fd.onBeacon(r(1), 0, START);
        fd.onBeacon(r(1), 0, START - 10);
        assertThat(fd.lastBeaconMs(r(1))).contains(START);
        assertThat(fd.check(START + 22_001).becameDead()).containsExactly(r(1));
    }

    @Test
    void registeredMembersAreAssumedAliveForOneGracePeriod() {
        fd.registerWorker(r(1), START);
        fd.registerWorker(r(2), START);
        fd.onBeacon(r(2), 0, START + 10_000);
        assertThat(fd.aliveNodes()).containsExactly(r(1), r(2));
        assertThat(fd.check(START + 1).isEmpty())
                .as("registration is not a revival")
                .isTrue();
        FdTransitions transitions = fd.check(START + 22_001);
        assertThat(transitions.becameDead()).containsExactly(r(1));
        assertThat(fd.deadNodes()).containsExactly(r(1));
        assertThat(fd.aliveNodes()).containsExactly(r(2));
    }

    @Test
    void deathsInOneCheckComeInAddressOrder() {
        fd.onBeacon(r(3), 0, START);
        fd.onBeacon(r(1), 0, START);
        fd.onBeacon(r(2), 0, START);
        assertThat(fd.check(START + 40_000).becameDead()).containsExactly(r(1), r(2), r(3));
    }

    @Test
    void whiteListRefusesUnlistedNewNodes() {
        FailureDetector listed =
                new FailureDetector(FailureDetectorConfig.defaults().withWhiteList(Set.of(r(1))));
        assertThat(listed.onBeacon(r(1), 0, START).accepted()).isTrue();
        BeaconResult refused = listed.onBeacon(r(2), 0, START);
        assertThat(refused.verdict()).isEqualTo(BeaconResult.Verdict.REFUSED_NOT_IN_WHITE_LIST);
        assertThat(listed.isAlive(r(2))).isFalse();
        assertThat(listed.workers()).containsExactly(r(1));
    }

    @Test
    void unstableRestartsKeepANodeDead() {
        FailureDetector guarded =
                new FailureDetector(FailureDetectorConfig.defaults().withStability(600_000, 3));
        long now = START;
        guarded.onBeacon(r(1), now, now);
        // restarts every minute: unstable
        for (int restart = 1; restart <= 2; restart++) {
            now += 60_000;
            assertThat(guarded.onBeacon(r(1), now, now).accepted()).isTrue();
        }
        now += 60_000;
        BeaconResult ignored = guarded.onBeacon(r(1), now, now);
        assertThat(ignored.verdict()).isEqualTo(BeaconResult.Verdict.IGNORED_UNSTABLE);
        assertThat(guarded.unstableRestarts(r(1))).isEqualTo(3);
        assertThat(guarded.lastBeaconMs(r(1)))
                .as("an ignored beacon extends nothing")
                .contains(now - 60_000);

        // running stably for stable_rs_min_running_seconds forgives the streak
        now += 600_000;
        assertThat(guarded.onBeacon(r(1), now - 600_000, now).accepted()).isTrue();
        assertThat(guarded.unstableRestarts(r(1))).isZero();
    }

    @Test
    void restartAfterALongRunIsStable() {
        RestartStability stability = new RestartStability(600_000, 2);
        stability.onBeacon(r(1), 0, 0);
        stability.onBeacon(r(1), 100_000, 100_000);
        assertThat(stability.unstableRestarts(r(1))).isEqualTo(1);
        assertThat(stability.onBeacon(r(1), 800_000, 800_000)).isTrue();
        assertThat(stability.unstableRestarts(r(1))).isZero();
        assertThat(stability.onBeacon(r(1), 50_000, 800_001))
                .as("stale start time ignored")
                .isTrue();
        assertThat(stability.unstableRestarts(r(1))).isZero();
    }

    @Test
    void aReportSentBeforeADeadNodesLastLeaseRanOutIsNotFresh() {
        long nodeClock = 50_000; // the node's own clock, unrelated to the meta server's
        fd.onBeacon(r(1), 0, nodeClock, START);
        fd.onBeacon(r(1), 0, nodeClock + 3_000, START + 3_000);
        assertThat(fd.isReportFresh(r(1), nodeClock + 1_000))
                .as("a node never declared dead is trusted")
                .isTrue();
        fd.check(START + 3_000 + 22_001);
        assertThat(fd.isAlive(r(1))).isFalse();
        // Its last accepted beacon was sent at nodeClock + 3 s, so its lease (20 s) ran to nodeClock + 23 s at most.
        assertThat(fd.isReportFresh(r(1), nodeClock + 22_999)).isFalse();
        assertThat(fd.isReportFresh(r(1), nodeClock + 23_000)).isTrue();
        // A late beacon from before the death revives the node but does not make its old reports fresh.
        fd.onBeacon(r(1), 0, nodeClock + 2_000, START + 40_000);
        assertThat(fd.isAlive(r(1))).isTrue();
        assertThat(fd.isReportFresh(r(1), nodeClock + 10_000)).isFalse();
        assertThat(fd.isReportFresh(r(1), FailureDetector.UNKNOWN_TIME))
                .as("a sender that gives no time is trusted, as before")
                .isTrue();
    }
}
