package io.enif.test.chaos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster of pretend processes that records what was done to them and how many of a role were ever down at once. */
final class FakeProcesses implements ProcessControl {
    enum State {
        RUNNING,
        PAUSED,
        DEAD
    }

    private final int metas;
    private final int replicas;
    private final Map<ChaosTarget, State> states = new HashMap<>();
    private final Map<ChaosTarget.Role, Integer> mostDown = new EnumMap<>(ChaosTarget.Role.class);
    final List<String> actions = new ArrayList<>();
    ChaosTarget failStartOf;

    FakeProcesses(int metas, int replicas) {
        this.metas = metas;
        this.replicas = replicas;
        for (ChaosTarget.Role role : ChaosTarget.Role.values()) {
            for (int i = 1; i <= count(role); i++) {
                states.put(new ChaosTarget(role, i), State.RUNNING);
            }
            mostDown.put(role, 0);
        }
    }

    @Override
    public int count(ChaosTarget.Role role) {
        return role == ChaosTarget.Role.META ? metas : replicas;
    }

    @Override
    public Optional<String> address(ChaosTarget target) {
        return Optional.of(target.role().oneboxName() + target.index() + ":1");
    }

    synchronized State state(ChaosTarget target) {
        return states.get(target);
    }

    synchronized int mostDown(ChaosTarget.Role role) {
        return mostDown.get(role);
    }

    @Override
    public synchronized boolean running(ChaosTarget target) {
        return states.get(target) != State.DEAD;
    }

    private synchronized void set(ChaosTarget target, State from, State to, String action) throws IOException {
        State now = states.get(target);
        if (from != null && now != from) {
            throw new IOException(action + " " + target + ": it is " + now);
        }
        states.put(target, to);
        actions.add(action + " " + target);
        long down = states.entrySet().stream()
                .filter(e -> e.getKey().role() == target.role() && e.getValue() != State.RUNNING)
                .count();
        mostDown.merge(target.role(), (int) down, Math::max);
    }

    @Override
    public void kill(ChaosTarget target) throws IOException {
        if (!running(target)) {
            throw new IOException(target + " is not running");
        }
        set(target, null, State.DEAD, "kill");
    }

    @Override
    public void pause(ChaosTarget target) throws IOException {
        set(target, State.RUNNING, State.PAUSED, "pause");
    }

    @Override
    public synchronized void resume(ChaosTarget target) throws IOException {
        if (states.get(target) == State.PAUSED) {
            set(target, State.PAUSED, State.RUNNING, "resume");
        }
    }

    @Override
    public void stop(ChaosTarget target) throws IOException {
        set(target, State.RUNNING, State.DEAD, "stop");
    }

    @Override
    public void start(ChaosTarget target) throws IOException {
        if (target.equals(failStartOf)) {
            failStartOf = null;
            throw new IOException("port in use");
        }
        set(target, State.DEAD, State.RUNNING, "start");
    }
}
