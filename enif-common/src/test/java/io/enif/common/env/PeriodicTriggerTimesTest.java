package io.enif.common.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class PeriodicTriggerTimesTest {

    @Test
    void timesOfDayInSeconds() {
        assertThat(PeriodicTriggerTimes.parse("3:00,21:30").secondsOfDay()).containsExactly(3 * 3600, 21 * 3600 + 1800);
        assertThat(PeriodicTriggerTimes.parse("0:00").secondsOfDay()).containsExactly(0);
        assertThat(PeriodicTriggerTimes.parse("23:59").secondsOfDay()).containsExactly(23 * 3600 + 59 * 60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "3:60", "3", "3:0:0", "a:00", "", "3:00,x", "-1:00"})
    void invalidTimesAreRefused(String value) {
        assertThat(PeriodicTriggerTimes.problem(value)).isPresent();
    }
}
