package io.enif.replica.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The copy limiter that nfs.max_copy_rate_megabytes_per_disk turns at runtime. */
@Timeout(10)
class RateLimiterTest {
    private static final long MIB = 1 << 20;

    @Test
    void aRuntimeChangeTakesEffectAtOnceAndZeroMeansUnlimited() {
        RateLimiter limiter = RateLimiter.ofMegabytes(0);
        assertThat(limiter.reserve(100 * MIB)).isZero();
        assertThat(limiter.reserve(100 * MIB)).isZero();

        limiter.setMegabytes(10);
        assertThat(limiter.bytesPerSecond()).isEqualTo(10 * MIB);
        assertThat(limiter.reserve(10 * MIB)).isZero();
        // the next 10 MiB may go only about a second later at 10 MiB/s
        assertThat(limiter.reserve(10 * MIB)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900));

        limiter.setMegabytes(0);
        assertThat(limiter.reserve(100 * MIB)).isZero();
    }
}
