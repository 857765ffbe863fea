package io.enif.test.sim;

import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fault injector: at random intervals it crashes and restarts replica servers, partitions the network
 * (symmetric, one-way, meta-only), slows disks, and makes the network drop, duplicate or delay (and so reorder)
 * messages for a while. Every fault heals by itself; {@link #healAll} ends them all before the run settles.
 */
final class SimFaults {
    private final SimScheduler scheduler;
    private final SimNetwork network;
    private final Random random;
    private final SimConfig config;
    private final SimProfile profile;
    private final List<SimReplicaServer> servers;
    private final SimTrace trace;
    private boolean active = true;

    SimFaults(
            SimScheduler scheduler,
            SimNetwork network,
            Random random,
            SimConfig config,
            SimProfile profile,
            List<SimReplicaServer> servers,
            SimTrace trace) {
        this.scheduler = scheduler;
        this.network = network;
        this.random = random;
        this.config = config;
        this.profile = profile;
        this.servers = servers;
        this.trace = trace;
    }

    /**
     * Injects faults from now until {@code stopAtMs}: one crash, one network partition, one stall and one burst of
     * dropped messages at random times (so that every seed has each), and random faults besides.
     */
    void start(long stopAtMs) {
        if (config.faultEveryMs() <= 0) {
            return;
        }
        long window = Math.max(1, stopAtMs - scheduler.now() - 8000);
        scheduler.after(random.nextLong(window), this::crash);
        scheduler.after(random.nextLong(window), random.nextBoolean() ? this::isolate : this::metaOnly);
        scheduler.after(random.nextLong(window), () -> stall(8000));
        scheduler.after(random.nextLong(window), () -> {
            profile.fault("drop");
            network.forcedDropRate = 0.1;
            scheduler.after(3000, () -> network.forcedDropRate = 0);
        });
        scheduleNext(stopAtMs);
    }

    private void scheduleNext(long stopAtMs) {
        long gap = (long) (-Math.log(1 - random.nextDouble()) * config.faultEveryMs());
        scheduler.after(Math.max(1, gap), () -> {
            if (!active || scheduler.now() >= stopAtMs) {
                return;
            }
            inject();
            scheduleNext(stopAtMs);
        });
    }

    private void inject() {
        int pick = random.nextInt(100);
        if (pick < 22) {
            crash();
        } else if (pick < 37) {
            isolate();
        } else if (pick < 47) {
            oneWay();
        } else if (pick < 60) {
            metaOnly();
        } else if (pick < 70) {
            slowDisk();
        } else if (pick < 80) {
            burst("drop");
        } else if (pick < 88) {
            burst("duplicate");
        } else if (pick < 94) {
            burst("delay");
        } else if (pick < 97) {
            pause();
        } else {
            stall(1000);
        }
    }

    private List<SimReplicaServer> alive() {
        List<SimReplicaServer> alive = new ArrayList<>();
        servers.forEach(s -> {
            if (s.alive) {
                alive.add(s);
            }
        });
        return alive;
    }

    private void crash() {
        List<SimReplicaServer> alive = alive();
        int dead = servers.size() - alive.size();
        if (dead >= 2 || (dead == 1 && random.nextInt(4) != 0)) {
            return;
        }
        SimReplicaServer victim = alive.get(random.nextInt(alive.size()));
        profile.fault("crash");
        victim.crash();
        scheduler.after(500 + random.nextInt(6000), () -> {
            if (!victim.alive) {
                victim.start();
            }
        });
    }

    private void isolate() {
        SimReplicaServer s = servers.get(random.nextInt(servers.size()));
        profile.fault("partition");
        note(s.id, "partitioned from the other replica servers");
        for (SimReplicaServer other : servers) {
            if (other != s) {
                network.cutBoth(s.id, other.id);
            }
        }
        scheduler.after(1000 + random.nextInt(6000), () -> servers.forEach(o -> network.heal(s.id, o.id)));
    }

    private void oneWay() {
        List<HostPort> ends = new ArrayList<>();
        servers.forEach(s -> ends.add(s.id));
        ends.add(SimMeta.ADDRESS);
        HostPort from = ends.get(random.nextInt(ends.size()));
        HostPort to = ends.get(random.nextInt(ends.size()));
        if (from.equals(to)) {
            return;
        }
        profile.fault("one-way");
        note(from, "cannot send to " + to);
        network.cut(from, to);
        scheduler.after(1000 + random.nextInt(8000), () -> network.heal(from, to));
    }

    private void metaOnly() {
        SimReplicaServer s = servers.get(random.nextInt(servers.size()));
        profile.fault("meta-only");
        int how = random.nextInt(3);
        note(s.id, "cut from the meta server (" + new String[] {"both ways", "from meta", "to meta"}[how] + ")");
        if (how != 1) {
            network.cut(s.id, SimMeta.ADDRESS);
        }
        if (how != 2) {
            network.cut(SimMeta.ADDRESS, s.id);
        }
        scheduler.after(2000 + random.nextInt(12_000), () -> network.heal(s.id, SimMeta.ADDRESS));
    }

    private void pause() {
        List<SimReplicaServer> alive = alive();
        SimReplicaServer s = alive.get(random.nextInt(alive.size()));
        if (s.paused) {
            return;
        }
        profile.fault("pause");
        s.pause();
        scheduler.after(2000 + random.nextInt(10_000), s::resume);
    }

    /**
     * A replica server's outgoing messages are held for {@code minMs} to 14 s and then arrive: long enough, often, for
     * the meta server to fail the server over (grace 8 s), so that its last prepares reach secondaries that already
     * serve a newer ballot, and its last reports reach the meta server after it declared the server dead.
     */
    private void stall(int minMs) {
        SimReplicaServer s = servers.get(random.nextInt(servers.size()));
        profile.fault("stall");
        long until = scheduler.now() + minMs + random.nextInt(14_000 - minMs);
        note(s.id, "outgoing messages held until " + until);
        network.stall(s.id, until);
    }

    private void slowDisk() {
        SimReplicaServer s = servers.get(random.nextInt(servers.size()));
        profile.fault("slow-disk");
        s.slowDisk = true;
        scheduler.after(1000 + random.nextInt(4000), () -> s.slowDisk = false);
    }

    private void burst(String kind) {
        profile.fault(kind);
        switch (kind) {
            case "drop" -> network.dropRate = 0.02 + random.nextDouble() * 0.1;
            case "duplicate" -> network.duplicateRate = 0.05 + random.nextDouble() * 0.2;
            default -> network.maxDelayMs = 20 + random.nextInt(400);
        }
        scheduler.after(500 + random.nextInt(2500), () -> {
            switch (kind) {
                case "drop" -> network.dropRate = 0;
                case "duplicate" -> network.duplicateRate = 0;
                default -> network.maxDelayMs = 3;
            }
        });
    }

    private void note(HostPort who, String what) {
        trace.log(who, () -> "fault: " + what);
    }

    /** Ends every fault: links heal, bursts stop, disks recover, dead servers restart. */
    void healAll() {
        active = false;
        network.healAll();
        network.dropRate = 0;
        network.forcedDropRate = 0;
        network.duplicateRate = 0;
        network.maxDelayMs = 3;
        for (SimReplicaServer s : servers) {
            s.slowDisk = false;
            s.resume();
            if (!s.alive) {
                s.start();
            }
        }
    }
}
