package io.enif.common.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SizeThrottlingSpecTest {

    @Test
    void plainSizes() {
        assertThat(SizeThrottlingSpec.parse("200")).isEqualTo(new SizeThrottlingSpec(true, 200));
        assertThat(SizeThrottlingSpec.parse("200K")).isEqualTo(new SizeThrottlingSpec(true, 200 * 1024));
        assertThat(SizeThrottlingSpec.parse("2M")).isEqualTo(new SizeThrottlingSpec(true, 2 * 1048576));
    }

    @Test
    void loneDelayRuleTurnsTheThrottleOff() {
        assertThat(SizeThrottlingSpec.parse("20000*delay*100")).isEqualTo(new SizeThrottlingSpec(false, 0));
    }

    @Test
    void fullGrammarUsesTheRejectThreshold() {
        assertThat(SizeThrottlingSpec.parse("20000*delay*100,30000*reject*100"))
                .isEqualTo(new SizeThrottlingSpec(true, 30000));
    }

    @Test
    void refusedForms() {
        assertThat(SizeThrottlingSpec.problem("0")).isPresent();
        assertThat(SizeThrottlingSpec.problem("abc")).isPresent();
        assertThat(SizeThrottlingSpec.problem("0*reject*100")).contains("reject value should be greater than 0");
        assertThat(SizeThrottlingSpec.problem("100*delay*1,200*delay*2")).isPresent();
    }
}
