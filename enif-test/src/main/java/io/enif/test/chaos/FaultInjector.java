package io.enif.test.chaos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link FaultPlan} against the real processes, step by step in the plan's order. A step runs at its planned
 * time plus the run's delay so far: when a step runs late (a clean stop takes its time) or waits, every later step
 * moves by as much, so the plan's gaps (and the recovery time after each heal) hold on the wall clock too.
 *
 * <p>Before it takes a replica server down, the injector heals a meta fault still in progress (early) and waits (up to
 * {@code healthWaitMillis}) until every partition is fully healthy, so a replica fault never meets a partition still
 * short of members from the previous one. An aimed fault hits the server {@code aim} names when it starts (the
 * replica server with the most primaries, the meta leader), else the plan's fallback; its heal acts on the same one.
 */
public final class FaultInjector implements Runnable {
    private final FaultPlan plan;
    private final ProcessControl processes;
    private final BooleanSupplier healthy;
    private final long healthWaitMillis;
    private final Function<ChaosTarget.Role, Optional<Integer>> aim;
    private final Stopper stopper;
    private final Consumer<String> log;
    private final long startNanos;
    private final Map<Integer, ChaosTarget> targets = new HashMap<>();
    private final Set<FaultPlan.Step> done = new HashSet<>();
    private final Map<String, Integer> injected = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private volatile int injectedTotal;
    private volatile boolean finished;

    /**
     * @param healthy whether every partition is fully healthy (asked before a replica server goes down)
     * @param aim which instance of a role an aimed fault hits now, if that can be told
     * @param stopper stops the plan early (the heal still runs)
     * @param log where each action is reported
     */
    public FaultInjector(
            FaultPlan plan,
            ProcessControl processes,
            BooleanSupplier healthy,
            long healthWaitMillis,
            Function<ChaosTarget.Role, Optional<Integer>> aim,
            Stopper stopper,
            Consumer<String> log) {
        this.plan = plan;
        this.processes = processes;
        this.healthy = healthy;
        this.healthWaitMillis = healthWaitMillis;
        this.aim = aim;
        this.stopper = stopper;
        this.log = log;
        this.startNanos = System.nanoTime();
    }

    private long nowMs() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    @Override
    public void run() {
        try {
            long delay = 0;
            List<FaultPlan.Step> steps = plan.steps();
            for (int i = 0; i < steps.size(); i++) {
                FaultPlan.Step step = steps.get(i);
                if (done.contains(step)) {
                    continue;
                }
                if (stopper.await(step.atMs() + delay - nowMs())) {
                    break;
                }
                if (step.action().takesDown() && step.target().role() == ChaosTarget.Role.REPLICA) {
                    long waitStart = nowMs();
                    healInProgress(steps.subList(i + 1, steps.size()));
                    if (!Stopper.pollUntil(healthy, healthWaitMillis, 500)) {
                        log.accept(
                                "chaos: table not fully healthy after " + healthWaitMillis + " ms; injecting anyway");
                    }
                    delay += nowMs() - waitStart;
                }
                delay = Math.max(delay, nowMs() - step.atMs());
                perform(step);
            }
        } finally {
            healAll();
            finished = true;
        }
    }

    /** Runs now the heal steps among {@code later} of faults already started. */
    private void healInProgress(List<FaultPlan.Step> later) {
        for (FaultPlan.Step s : later) {
            if (!s.action().takesDown() && targets.containsKey(s.fault().number()) && !done.contains(s)) {
                perform(s);
            }
        }
    }

    private ChaosTarget resolve(FaultPlan.Step step) {
        FaultPlan.Fault fault = step.fault();
        if (!step.action().takesDown()) {
            return targets.getOrDefault(fault.number(), fault.target());
        }
        ChaosTarget target = fault.target();
        if (fault.aimed()) {
            Optional<Integer> index = Optional.empty();
            try {
                index = aim.apply(target.role());
            } catch (RuntimeException e) {
                // Not known now (no leader, no answer): the plan's fallback is the target.
            }
            if (index.isPresent()) {
                target = new ChaosTarget(target.role(), index.get());
            }
        }
        targets.put(fault.number(), target);
        return target;
    }

    private void perform(FaultPlan.Step step) {
        done.add(step);
        ChaosTarget target = resolve(step);
        try {
            switch (step.action()) {
                case KILL -> processes.kill(target);
                case PAUSE -> processes.pause(target);
                case STOP -> processes.stop(target);
                case START -> processes.start(target);
                case RESUME -> processes.resume(target);
            }
        } catch (IOException | RuntimeException e) {
            problem(step.action() + " " + target + " failed: " + e.getMessage());
            return;
        }
        if (step.action().takesDown()) {
            synchronized (this) {
                injected.merge(step.fault().kind().label() + " " + target.role().oneboxName(), 1, Integer::sum);
            }
            injectedTotal++;
        }
        log.accept(String.format(
                Locale.ROOT,
                "chaos: %6.1f s  %-7s %s (fault %d%s)",
                nowMs() / 1000.0,
                step.action().name().toLowerCase(Locale.ROOT),
                target,
                step.fault().number(),
                step.fault().aimed() && step.action().takesDown() ? ", aimed" : ""));
    }

    /** SIGCONT to every server, and starts any that is not running. */
    public void healAll() {
        for (ChaosTarget.Role role : ChaosTarget.Role.values()) {
            for (int i = 1; i <= processes.count(role); i++) {
                ChaosTarget target = new ChaosTarget(role, i);
                try {
                    processes.resume(target);
                    if (!processes.running(target)) {
                        log.accept("chaos: heal: starting " + target);
                        processes.start(target);
                    }
                } catch (IOException | RuntimeException e) {
                    problem("healing " + target + " failed: " + e.getMessage());
                }
            }
        }
    }

    private synchronized void problem(String text) {
        problems.add(text);
        log.accept("chaos: " + text);
    }

    /** Faults injected so far. */
    public int injected() {
        return injectedTotal;
    }

    /** Faults injected so far, by kind and role ({@code kill replica} → 3). */
    public synchronized Map<String, Integer> injectedByKind() {
        return new TreeMap<>(injected);
    }

    /** Actions that failed (the run fails when any did). */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Whether the plan (and the heal after it) is done. */
    public boolean finished() {
        return finished;
    }
}
