package io.enif.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OrderedExecutorTest {
    private final OrderedExecutor executor = OrderedExecutor.create("test", 4);

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void tasksOfOneKeyRunInSubmissionOrderOnOneThread() throws Exception {
        Gpid gpid = new Gpid(3, 7);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            executor.execute(gpid, () -> {
                seen.add(n);
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).isSorted().hasSize(1000);
        assertThat(threads).containsExactly(executor.lane(gpid).name());
    }

    @Test
    void theSameGpidAlwaysMapsToTheSameLaneAndPartitionsSpread() {
        assertThat(executor.lane(new Gpid(1, 2))).isSameAs(executor.lane(new Gpid(1, 2)));
        Set<Lane> used = ConcurrentHashMap.newKeySet();
        for (int p = 0; p < 8; p++) {
            used.add(executor.lane(new Gpid(1, p)));
        }
        assertThat(used).hasSize(4);
    }

    @Test
    void laneCheckerKnowsWhichLaneRuns() throws Exception {
        Lane lane = executor.laneAt(1);
        Lane other = executor.laneAt(2);
        assertThatThrownBy(() -> LaneChecker.assertOnLane(lane)).isInstanceOf(IllegalStateException.class);
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        lane.execute(() -> {
            LaneChecker.assertOnLane(lane);
            if (lane.isCurrent() && !other.isCurrent() && LaneChecker.current() == lane) {
                checks.incrementAndGet();
            }
            try {
                LaneChecker.assertOnLane(other);
            } catch (IllegalStateException e) {
                checks.incrementAndGet();
            }
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aFailingTaskDoesNotStopTheLaneNorItsPeriodicTask() throws Exception {
        Lane lane = executor.laneAt(0);
        lane.execute(() -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        CountDownLatch after = new CountDownLatch(1);
        lane.execute(after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();

        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        ScheduledFuture<?> periodic = lane.scheduleWithFixedDelay(
                () -> {
                    runs.incrementAndGet();
                    three.countDown();
                    throw new IllegalStateException("periodic boom (expected by the test)");
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        periodic.cancel(false);
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void delayedTasksRunOnTheLane() throws Exception {
        Lane lane = executor.laneAt(3);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger onLane = new AtomicInteger();
        lane.schedule(
                () -> {
                    if (lane.isCurrent()) {
                        onLane.incrementAndGet();
                    }
                    done.countDown();
                },
                5,
                TimeUnit.MILLISECONDS);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(onLane).hasValue(1);
    }

    @Test
    void afterCloseTasksAreDroppedQuietly() {
        executor.close();
        AtomicInteger ran = new AtomicInteger();
        executor.execute(new Gpid(1, 1), ran::incrementAndGet);
        ScheduledFuture<?> dropped = executor.laneAt(0).schedule(ran::incrementAndGet, 1, TimeUnit.MILLISECONDS);
        assertThat((Object) dropped).isNull();
        assertThat(executor.laneAt(0).isShutdown()).isTrue();
        assertThat(ran).hasValue(0);
    }

    @Test
    void rejectsZeroLanes() {
        assertThatThrownBy(() -> OrderedExecutor.create("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manualClockMovesOnlyForward() {
        ManualClock clock = new ManualClock(100);
        assertThat(clock.advance(5)).isEqualTo(105);
        assertThat(clock.nowMs()).isEqualTo(105);
        assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
        long a = MillisClock.SYSTEM.nowMs();
        assertThat(MillisClock.SYSTEM.nowMs()).isGreaterThanOrEqualTo(a);
        assertThat(Math.abs(a - System.currentTimeMillis())).isLessThan(60_000);
    }
}
