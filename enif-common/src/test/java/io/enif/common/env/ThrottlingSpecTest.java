package io.enif.common.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class ThrottlingSpecTest {

    @Test
    void delayAndRejectRules() {
        ThrottlingSpec spec = ThrottlingSpec.parse("1000*delay*100,2000*reject*200");
        assertThat(spec).isEqualTo(new ThrottlingSpec(1000, 100, 2000, 200));
        assertThat(spec.hasDelay()).isTrue();
        assertThat(spec.hasReject()).isTrue();
    }

    @Test
    void kilobyteAndMegabyteSuffixesArePowersOfTwo() {
        assertThat(ThrottlingSpec.parse("1000K*delay*100").delayUnits()).isEqualTo(1000L * 1024);
        assertThat(ThrottlingSpec.parse("2M*reject*0").rejectUnits()).isEqualTo(2L * 1048576);
    }

    @Test
    void rejectAloneHasNoDelay() {
        ThrottlingSpec spec = ThrottlingSpec.parse("100*reject*0");
        assertThat(spec.hasDelay()).isFalse();
        assertThat(spec.hasReject()).isTrue();
        assertThat(spec.rejectDelayMs()).isZero();
    }

    @Test
    void blanksAndEmptyRulesAreTolerated() {
        assertThat(ThrottlingSpec.parse(" 100 * delay * 10 , ,")).isEqualTo(new ThrottlingSpec(100, 10, 0, 0));
    }

    /** spec/ops-tables.md §7.5 check 4: the invalid values. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "100*drop*10",
                "100*delay",
                "100*delay*10,200*delay*20",
                "100X*delay*10",
                "",
                " , ",
                "-1*delay*10",
                "100*delay*-1",
                "100**10",
                "100*reject*1,100*reject*2",
                "99999999999999999M*delay*1"
            })
    void invalidValuesAreRefused(String value) {
        assertThat(ThrottlingSpec.problem(value)).isPresent();
        assertThatThrownBy(() -> ThrottlingSpec.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hintsNameTheOffendingPart() {
        assertThat(ThrottlingSpec.problem("100*drop*10")).contains("'drop' should be 'delay' or 'reject'");
        assertThat(ThrottlingSpec.problem("100*delay*10,200*delay*20")).contains("duplicate 'delay' config");
        assertThat(ThrottlingSpec.problem("100*delay"))
                .contains("the field count of '100*delay' separated by '*' must be 3");
    }
}
