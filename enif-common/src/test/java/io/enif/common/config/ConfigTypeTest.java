package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConfigTypeTest {

    @Test
    void parsesBooleansInAnyCase() {
        assertThat(ConfigType.BOOL.parse("true")).isTrue();
        assertThat(ConfigType.BOOL.parse(" FALSE ")).isFalse();
        assertThatThrownBy(() -> ConfigType.BOOL.parse("yes")).hasMessage("is not a boolean (true or false)");
        assertThatThrownBy(() -> ConfigType.BOOL.parse("1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ConfigType.BOOL.flagType()).isEqualTo(FlagType.FV_BOOL);
    }

    @Test
    void parsesIntegersWithinTheirRange() {
        assertThat(ConfigType.INT32.parse("-3000")).isEqualTo(-3000);
        assertThat(ConfigType.INT32.parse("+7")).isEqualTo(7);
        assertThatThrownBy(() -> ConfigType.INT32.parse("abc")).hasMessage("is not an integer");
        assertThatThrownBy(() -> ConfigType.INT32.parse("1.5")).hasMessage("is not an integer");
        assertThatThrownBy(() -> ConfigType.INT32.parse("2147483648"))
                .hasMessage("is not an integer between -2147483648 and 2147483647");
        assertThatThrownBy(() -> ConfigType.UINT32.parse("-1"))
                .hasMessage("is not an integer between 0 and 2147483647");
        assertThat(ConfigType.INT64.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> ConfigType.INT64.parse("9223372036854775808"))
                .hasMessageStartingWith("is not an integer between");
        assertThat(ConfigType.UINT64.parse("0")).isZero();
        assertThatThrownBy(() -> ConfigType.UINT64.parse("-5")).hasMessageStartingWith("is not an integer between 0");
        assertThat(ConfigType.UINT32.flagType()).isEqualTo(FlagType.FV_UINT32);
        assertThat(ConfigType.INT64.flagType()).isEqualTo(FlagType.FV_INT64);
    }

    @Test
    void parsesFiniteDecimalNumbersOnly() {
        assertThat(ConfigType.DOUBLE.parse("65")).isEqualTo(65.0);
        assertThat(ConfigType.DOUBLE.parse("-0.25")).isEqualTo(-0.25);
        assertThat(ConfigType.DOUBLE.parse("1e3")).isEqualTo(1000.0);
        for (String bad : List.of("NaN", "Infinity", "1d", "0x10", "", "1e999")) {
            assertThatThrownBy(() -> ConfigType.DOUBLE.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ConfigType.DOUBLE.parse(ConfigType.DOUBLE.format(0.1))).isEqualTo(0.1);
    }

    @Test
    void stringsAreTakenAsWritten() {
        assertThat(ConfigType.STRING.parse("a b; c")).isEqualTo("a b; c");
        assertThat(ConfigType.STRING.parse("")).isEmpty();
    }

    @Test
    void listsSplitOnCommasTrimAndDropEmptyItems() {
        assertThat(ConfigType.STRING_LIST.parse(" 1.2.3.4:34601 , 1.2.3.5:34601,,"))
                .containsExactly("1.2.3.4:34601", "1.2.3.5:34601");
        assertThat(ConfigType.STRING_LIST.parse("")).isEmpty();
        assertThat(ConfigType.STRING_LIST.format(List.of("a", "b"))).isEqualTo("a,b");
        assertThat(ConfigType.STRING_LIST.flagType()).isEqualTo(FlagType.FV_STRING);
    }

    @Test
    void enumsParseByToStringOrNameIgnoringCase() {
        ConfigType<TestKeys.MetaLevel> type = ConfigType.enumType(TestKeys.MetaLevel.class);
        assertThat(type.parse("lively")).isEqualTo(TestKeys.MetaLevel.LIVELY);
        assertThat(type.parse("STEADY")).isEqualTo(TestKeys.MetaLevel.STEADY);
        assertThat(type.format(TestKeys.MetaLevel.STOPPED)).isEqualTo("stopped");
        assertThatThrownBy(() -> type.parse("freezed")).hasMessage("is not one of stopped, steady, lively");
        assertThat(type.name()).isEqualTo("enum (stopped|steady|lively)");
        assertThat(type).isEqualTo(ConfigType.enumType(TestKeys.MetaLevel.class));
    }

    @Test
    void durationsAreWholeNonNegativeCountsOfTheirUnit() {
        assertThat(ConfigType.MILLIS.parse("3000")).isEqualTo(Duration.ofSeconds(3));
        assertThat(ConfigType.MILLIS.format(Duration.ofMinutes(1))).isEqualTo("60000");
        assertThat(ConfigType.SECONDS.parse("22")).isEqualTo(Duration.ofSeconds(22));
        assertThat(ConfigType.SECONDS.flagType()).isEqualTo(FlagType.FV_INT32);
        assertThatThrownBy(() -> ConfigType.MILLIS.parse("abc"))
                .hasMessage("is not an integer (a number of milliseconds)");
        assertThatThrownBy(() -> ConfigType.SECONDS.parse("-1"))
                .hasMessage("is not an integer between 0 and 2147483647 (a number of seconds)");
        ConfigType<Duration> hours = ConfigType.duration(ChronoUnit.HOURS, FlagType.FV_INT64);
        assertThat(hours.parse("2")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> hours.parse(String.valueOf(Long.MAX_VALUE)))
                .hasMessage("is too large a number of hours");
        assertThatThrownBy(() -> ConfigType.duration(ChronoUnit.MILLIS, FlagType.FV_STRING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyNumbersAndDurationsHaveAMagnitude() {
        assertThat(ConfigType.INT32.isNumeric()).isTrue();
        assertThat(ConfigType.MILLIS.magnitude(Duration.ofSeconds(2))).isEqualTo(2000L);
        assertThat(ConfigType.STRING.isNumeric()).isFalse();
        assertThat(ConfigType.BOOL.isNumeric()).isFalse();
    }
}
