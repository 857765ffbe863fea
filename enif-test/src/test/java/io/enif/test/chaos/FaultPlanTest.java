package io.enif.test.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FaultPlanTest {
    private static final FaultTiming TIMING = FaultTiming.testProfile();

    @Test
    void theSameSeedGivesTheSamePlan() {
        FaultPlan a = FaultPlan.generate(42, 150_000, 3, 3, TIMING);
        FaultPlan b = FaultPlan.generate(42, 150_000, 3, 3, TIMING);
        assertThat(a).isEqualTo(b);
        assertThat(a.faults()).isNotEmpty();
        assertThat(FaultPlan.generate(43, 150_000, 3, 3, TIMING).faults()).isNotEqualTo(a.faults());
    }

    @Test
    void aShortRunPlansAtLeastTenFaultsOfEveryKind() {
        FaultPlan plan = FaultPlan.generate(20261125, 120_000, 3, 3, TIMING); // the CI run's plan
        assertThat(plan.faults().size()).isBetween(10, 40);
        assertThat(plan.faults()).extracting(FaultPlan.Fault::kind).contains(FaultKind.values());
        assertThat(plan.faults())
                .extracting(f -> f.target().role())
                .contains(ChaosTarget.Role.META, ChaosTarget.Role.REPLICA);
        assertThat(plan.faults()).allSatisfy(f -> {
            assertThat(f.atMs()).isBetween(TIMING.firstMs(), 120_000L);
            assertThat(f.healAtMs()).isGreaterThan(f.atMs());
            assertThat(f.target().index()).isBetween(1, 3);
        });
        assertThat(plan.countByKind().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(plan.faults().size());
    }

    @Test
    void atMostOneServerOfEachRoleIsDownAtATime() {
        for (long seed = 1; seed <= 200; seed++) {
            FaultPlan plan = FaultPlan.generate(seed, 300_000, 3, 3, TIMING);
            assertThat(FaultPlan.maxDown(plan.steps(), ChaosTarget.Role.META))
                    .as("seed %d", seed)
                    .isLessThanOrEqualTo(1);
            assertThat(FaultPlan.maxDown(plan.steps(), ChaosTarget.Role.REPLICA))
                    .as("seed %d", seed)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aRoleRecoversBeforeItsNextFault() {
        FaultPlan plan = FaultPlan.generate(7, 600_000, 3, 3, TIMING);
        for (ChaosTarget.Role role : ChaosTarget.Role.values()) {
            List<FaultPlan.Fault> ofRole = new ArrayList<>();
            plan.faults().stream().filter(f -> f.target().role() == role).forEach(ofRole::add);
            assertThat(ofRole).hasSizeGreaterThan(3);
            for (int i = 1; i < ofRole.size(); i++) {
                assertThat(ofRole.get(i).atMs())
                        .isGreaterThanOrEqualTo(ofRole.get(i - 1).healAtMs() + TIMING.recoveryMs());
            }
        }
    }

    @Test
    void stepsStartAndHealEveryFaultInTimeOrder() {
        FaultPlan plan = FaultPlan.generate(5, 120_000, 3, 3, TIMING);
        assertThat(plan.steps()).hasSize(2 * plan.faults().size());
        for (int i = 1; i < plan.steps().size(); i++) {
            assertThat(plan.steps().get(i).atMs())
                    .isGreaterThanOrEqualTo(plan.steps().get(i - 1).atMs());
        }
        for (FaultPlan.Fault f : plan.faults()) {
            List<FaultPlan.Action> actions = plan.steps().stream()
                    .filter(s -> s.fault().equals(f))
                    .map(FaultPlan.Step::action)
                    .toList();
            FaultPlan.Action heal = f.kind() == FaultKind.PAUSE ? FaultPlan.Action.RESUME : FaultPlan.Action.START;
            assertThat(actions).hasSize(2).endsWith(heal);
            assertThat(actions.get(0).takesDown()).isTrue();
        }
    }

    @Test
    void aRoleWithNoServersGetsNoFaults() {
        FaultPlan plan = FaultPlan.generate(9, 120_000, 0, 3, TIMING);
        assertThat(plan.faults())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.target().role()).isEqualTo(ChaosTarget.Role.REPLICA));
        assertThat(FaultPlan.generate(9, 120_000, 0, 0, TIMING).faults()).isEmpty();
    }
}
