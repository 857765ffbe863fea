package io.enif.common.env;

import io.enif.common.error.ErrorCode;
import java.util.List;

/**
 * Table envs were refused. The RPC answer is {@link #errorCode()} ({@code ERR_INVALID_PARAMETERS}) with {@link
 * #getMessage()} as the hint.
 */
public final class InvalidAppEnvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<EnvViolation> violations;

    public InvalidAppEnvException(List<EnvViolation> violations) {
        super(violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    /** Every refused pair, in key order; the first one gives the message. */
    public List<EnvViolation> violations() {
        return violations;
    }

    /** The error name for the reply. */
    public ErrorCode errorCode() {
        return ErrorCode.ERR_INVALID_PARAMETERS;
    }
}
