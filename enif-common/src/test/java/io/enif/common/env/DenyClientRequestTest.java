package io.enif.common.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class DenyClientRequestTest {

    @Test
    void everyValidCombinationRoundTrips() {
        for (String mode : new String[] {"timeout", "reconfig"}) {
            for (String scope : new String[] {"all", "write", "read"}) {
                String value = mode + "*" + scope;
                assertThat(DenyClientRequest.parse(value).toString()).isEqualTo(value);
            }
        }
        assertThat(DenyClientRequest.parse("reconfig*write"))
                .isEqualTo(new DenyClientRequest(DenyClientRequest.Mode.RECONFIG, DenyClientRequest.Scope.WRITE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "timeout*", "deny*all", "timeout*all*x", "TIMEOUT*all", ""})
    void invalidValuesListTheValidOnes(String value) {
        assertThat(DenyClientRequest.problem(value))
                .hasValueSatisfying(hint -> assertThat(hint).contains("timeout*all"));
    }
}
