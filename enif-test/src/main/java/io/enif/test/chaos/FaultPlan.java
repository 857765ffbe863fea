package io.enif.test.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Which faults a chaos run injects and when, decided up front from a seed: the same seed, duration, cluster size and
 * timing always give the same plan. The rule that keeps the cluster able to make progress is built in: at most one
 * server of each role is down (killed, stopped or paused) at any time, and after it is healed the role gets {@link
 * FaultTiming#recoveryMs} before another of its servers goes down. A meta fault and a replica fault may overlap. Half
 * the faults are aimed at the busiest server of their role (which one that is is known only when the fault starts).
 *
 * @param faults the faults, by start time
 * @param steps what the injector does, by time: every fault's start, then its heal
 */
public record FaultPlan(List<Fault> faults, List<Step> steps) {
    /**
     * Of every hundred faults, how many are aimed at the busiest server of their role: without a balancer one replica
     * server may hold every primary, and a fault elsewhere would never move a primary.
     */
    static final int AIMED_PERCENT = 50;

    /**
     * One fault.
     *
     * @param number its place in the plan, from 1
     * @param kind what is done
     * @param target to which process
     * @param atMs when it starts, in ms since the run started
     * @param healAtMs when it is healed
     * @param aimed whether it is aimed at the busiest server of its role when it starts (the replica server with the
     *     most primaries, the meta leader), {@code target} being the fallback when that cannot be told
     */
    public record Fault(int number, FaultKind kind, ChaosTarget target, long atMs, long healAtMs, boolean aimed) {
        @Override
        public String toString() {
            return "fault " + number + ": " + kind.label() + " "
                    + (aimed ? "the busiest " + target.role().oneboxName() + " (else " + target + ")" : target) + " at "
                    + atMs + " ms for " + (healAtMs - atMs) + " ms";
        }
    }

    /** What the injector does to one process. */
    public enum Action {
        KILL(true),
        PAUSE(true),
        STOP(true),
        START(false),
        RESUME(false);

        private final boolean down;

        Action(boolean down) {
            this.down = down;
        }

        /** Whether the action takes the process down (rather than healing it). */
        public boolean takesDown() {
            return down;
        }
    }

    /**
     * One action of the plan.
     *
     * @param atMs when, in ms since the run started
     * @param action what
     * @param fault the fault it starts or heals
     */
    public record Step(long atMs, Action action, Fault fault) {
        /** The process acted on. */
        public ChaosTarget target() {
            return fault.target();
        }
    }

    public FaultPlan {
        faults = List.copyOf(faults);
        steps = List.copyOf(steps);
    }

    /**
     * Plans the faults of a run whose faults start within {@code durationMs} (heals may come later).
     *
     * @param metas the meta servers (1..metas)
     * @param replicas the replica servers (1..replicas)
     */
    public static FaultPlan generate(long seed, long durationMs, int metas, int replicas, FaultTiming timing) {
        Random random = new Random(seed);
        Map<ChaosTarget.Role, Integer> counts = new EnumMap<>(ChaosTarget.Role.class);
        counts.put(ChaosTarget.Role.META, metas);
        counts.put(ChaosTarget.Role.REPLICA, replicas);
        Map<ChaosTarget.Role, Long> freeAt = new EnumMap<>(ChaosTarget.Role.class);
        counts.forEach((role, n) -> freeAt.put(role, n > 0 ? 0L : Long.MAX_VALUE));
        if (metas <= 0 && replicas <= 0) {
            return new FaultPlan(List.of(), List.of());
        }
        List<Fault> faults = new ArrayList<>();
        long t = timing.firstMs();
        while (t < durationMs) {
            ChaosTarget.Role role = random.nextInt(100) < 60 ? ChaosTarget.Role.REPLICA : ChaosTarget.Role.META;
            if (freeAt.get(role) > t) {
                role = other(role);
            }
            if (freeAt.get(role) > t) {
                t = Math.min(freeAt.get(ChaosTarget.Role.META), freeAt.get(ChaosTarget.Role.REPLICA));
                continue;
            }
            FaultKind kind = kind(random.nextInt(100));
            int index = 1 + random.nextInt(counts.get(role));
            boolean aimed = random.nextInt(100) < AIMED_PERCENT;
            long down = switch (kind) {
                case KILL -> between(random, timing.killDownMinMs(), timing.killDownMaxMs());
                case PAUSE -> between(random, timing.pauseMinMs(), timing.pauseMaxMs());
                case RESTART -> between(random, timing.restartDownMinMs(), timing.restartDownMaxMs());
            };
            faults.add(new Fault(faults.size() + 1, kind, new ChaosTarget(role, index), t, t + down, aimed));
            freeAt.put(role, t + down + timing.recoveryMs());
            t += between(random, timing.gapMinMs(), timing.gapMaxMs());
        }
        return new FaultPlan(faults, steps(faults));
    }

    private static ChaosTarget.Role other(ChaosTarget.Role role) {
        return role == ChaosTarget.Role.META ? ChaosTarget.Role.REPLICA : ChaosTarget.Role.META;
    }

    private static FaultKind kind(int pick) {
        if (pick < 40) {
            return FaultKind.KILL;
        }
        return pick < 75 ? FaultKind.PAUSE : FaultKind.RESTART;
    }

    private static long between(Random random, long min, long max) {
        return min + (max > min ? (long) (random.nextDouble() * (max - min)) : 0);
    }

    private static List<Step> steps(List<Fault> faults) {
        List<Step> steps = new ArrayList<>();
        for (Fault f : faults) {
            Action down = switch (f.kind()) {
                case KILL -> Action.KILL;
                case PAUSE -> Action.PAUSE;
                case RESTART -> Action.STOP;
            };
            steps.add(new Step(f.atMs(), down, f));
            steps.add(new Step(f.healAtMs(), f.kind() == FaultKind.PAUSE ? Action.RESUME : Action.START, f));
        }
        // By time; at the same time a heal goes first, so a role is never briefly two servers down.
        steps.sort(Comparator.comparingLong(Step::atMs)
                .thenComparing(s -> s.action().takesDown()));
        return steps;
    }

    /** The most servers of {@code role} down at once when the steps run in order (the plan's rule makes it 1). */
    public static int maxDown(List<Step> steps, ChaosTarget.Role role) {
        int down = 0;
        int most = 0;
        for (Step s : steps) {
            if (s.target().role() != role) {
                continue;
            }
            down += s.action().takesDown() ? 1 : -1;
            most = Math.max(most, down);
        }
        return most;
    }

    /** The faults of each kind and role, e.g. {@code kill replica} → 3. */
    public Map<String, Integer> countByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Fault f : faults) {
            counts.merge(f.kind().label() + " " + f.target().role().oneboxName(), 1, Integer::sum);
        }
        return counts;
    }
}
