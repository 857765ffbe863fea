package io.enif.test.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FaultInjectorTest {
    /** Faults every 20-40 ms, down 5-20 ms, 10 ms of recovery: a whole plan in well under a second. */
    private static final FaultTiming FAST = new FaultTiming(10, 20, 40, 5, 20, 5, 20, 1, 10, 10);

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void runsThePlanWithOneServerOfARoleDownAtATimeAndHealsEverything() {
        FakeProcesses cluster = new FakeProcesses(3, 3);
        FaultPlan plan = FaultPlan.generate(11, 600, 3, 3, FAST);
        AtomicInteger healthChecks = new AtomicInteger();
        FaultInjector injector = new FaultInjector(
                plan,
                cluster,
                () -> healthChecks.incrementAndGet() > 0,
                1000,
                role -> Optional.empty(),
                new Stopper(),
                log::add);
        injector.run();

        assertThat(injector.finished()).isTrue();
        assertThat(injector.problems()).isEmpty();
        assertThat(injector.injected()).isEqualTo(plan.faults().size()).isGreaterThan(5);
        assertThat(injector.injectedByKind()).isEqualTo(plan.countByKind());
        assertThat(cluster.mostDown(ChaosTarget.Role.META)).isLessThanOrEqualTo(1);
        assertThat(cluster.mostDown(ChaosTarget.Role.REPLICA)).isEqualTo(1);
        long replicaFaults = plan.faults().stream()
                .filter(f -> f.target().role() == ChaosTarget.Role.REPLICA)
                .count();
        assertThat(healthChecks.get()).isGreaterThanOrEqualTo((int) replicaFaults);
        assertAllRunning(cluster);
        assertThat(cluster.actions).hasSize(plan.steps().size());
    }

    @Test
    void aStoppedRunStillHealsWhatItBroke() {
        FakeProcesses cluster = new FakeProcesses(3, 3);
        FaultPlan plan = FaultPlan.generate(3, 60_000, 3, 3, FaultTiming.testProfile());
        Stopper stopper = new Stopper();
        FaultInjector injector =
                new FaultInjector(plan, cluster, () -> true, 1000, role -> Optional.empty(), stopper, log::add);
        // Take a server down by hand, as a fault in progress would have, then stop before the first planned step.
        ChaosTarget victim = new ChaosTarget(ChaosTarget.Role.REPLICA, 2);
        try {
            cluster.pause(new ChaosTarget(ChaosTarget.Role.META, 1));
            cluster.kill(victim);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        stopper.stop();
        injector.run();
        assertThat(injector.injected()).isZero();
        assertAllRunning(cluster);
        assertThat(log).anyMatch(l -> l.contains("heal: starting replica@2"));
    }

    @Test
    void aFailedActionIsReportedAndTheRestOfThePlanStillRuns() {
        FakeProcesses cluster = new FakeProcesses(3, 3);
        FaultPlan plan = FaultPlan.generate(11, 600, 3, 3, FAST);
        FaultPlan.Fault firstKill = plan.faults().stream()
                .filter(f -> f.kind() != FaultKind.PAUSE)
                .findFirst()
                .orElseThrow();
        cluster.failStartOf = firstKill.target();
        FaultInjector injector =
                new FaultInjector(plan, cluster, () -> true, 1000, role -> Optional.empty(), new Stopper(), log::add);
        injector.run();
        assertThat(injector.problems())
                .anySatisfy(p ->
                        assertThat(p).contains("START " + firstKill.target()).contains("port in use"));
        assertThat(injector.injected()).isGreaterThan(1);
        assertAllRunning(cluster);
    }

    @Test
    void aReplicaFaultWaitsForAHealthyTable() {
        FakeProcesses cluster = new FakeProcesses(0, 3);
        FaultPlan plan = FaultPlan.generate(4, 100, 0, 3, FAST);
        AtomicInteger checks = new AtomicInteger();
        // Unhealthy for the first three checks: the first fault waits about 3 × 500 ms.
        FaultInjector injector = new FaultInjector(
                plan,
                cluster,
                () -> checks.incrementAndGet() > 3,
                5000,
                role -> Optional.empty(),
                new Stopper(),
                log::add);
        long start = System.nanoTime();
        injector.run();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
        assertThat(injector.injected()).isEqualTo(plan.faults().size());
        assertThat(log).noneMatch(l -> l.contains("injecting anyway"));
    }

    @Test
    void anAimedFaultHitsTheBusiestServerAndItsHealActsOnTheSameOne() {
        FakeProcesses cluster = new FakeProcesses(3, 3);
        FaultPlan plan = FaultPlan.generate(11, 600, 3, 3, FAST);
        List<FaultPlan.Fault> aimed =
                plan.faults().stream().filter(FaultPlan.Fault::aimed).toList();
        assertThat(aimed).isNotEmpty();
        FaultInjector injector = new FaultInjector(
                plan,
                cluster,
                () -> true,
                1000,
                role -> Optional.of(role == ChaosTarget.Role.META ? 2 : 3),
                new Stopper(),
                log::add);
        injector.run();
        assertThat(injector.problems()).isEmpty();
        for (FaultPlan.Fault f : aimed) {
            String busiest = f.target().role() == ChaosTarget.Role.META ? "meta@2" : "replica@3";
            assertThat(log)
                    .as("fault %d", f.number())
                    .anyMatch(l -> l.contains(busiest + " (fault " + f.number() + ", aimed)"))
                    .anyMatch(l -> l.endsWith(busiest + " (fault " + f.number() + ")"));
        }
        assertThat(cluster.mostDown(ChaosTarget.Role.REPLICA)).isEqualTo(1);
        assertAllRunning(cluster);
    }

    @Test
    void aMetaFaultInProgressIsHealedBeforeAReplicaFault() {
        FakeProcesses cluster = new FakeProcesses(3, 3);
        ChaosTarget meta = new ChaosTarget(ChaosTarget.Role.META, 1);
        ChaosTarget replica = new ChaosTarget(ChaosTarget.Role.REPLICA, 2);
        FaultPlan.Fault pause = new FaultPlan.Fault(1, FaultKind.PAUSE, meta, 0, 60_000, false);
        FaultPlan.Fault kill = new FaultPlan.Fault(2, FaultKind.KILL, replica, 10, 20, false);
        FaultPlan plan = new FaultPlan(
                List.of(pause, kill),
                List.of(
                        new FaultPlan.Step(0, FaultPlan.Action.PAUSE, pause),
                        new FaultPlan.Step(10, FaultPlan.Action.KILL, kill),
                        new FaultPlan.Step(20, FaultPlan.Action.START, kill),
                        new FaultPlan.Step(60_000, FaultPlan.Action.RESUME, pause)));
        FaultInjector injector =
                new FaultInjector(plan, cluster, () -> true, 1000, role -> Optional.empty(), new Stopper(), log::add);
        long start = System.nanoTime();
        injector.run();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(cluster.actions)
                .containsExactly("pause meta@1", "resume meta@1", "kill replica@2", "start replica@2");
    }

    private static void assertAllRunning(FakeProcesses cluster) {
        for (ChaosTarget.Role role : ChaosTarget.Role.values()) {
            for (int i = 1; i <= cluster.count(role); i++) {
                assertThat(cluster.state(new ChaosTarget(role, i)))
                        .as("%s@%d", role, i)
                        .isEqualTo(FakeProcesses.State.RUNNING);
            }
        }
    }
}
