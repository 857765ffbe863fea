package io.enif.storage.op;

import io.enif.proto.rrdb.cas_check_type;
import java.util.OptionalLong;

/**
 * The check of check_and_set and check_and_mutate ({@code client-and-shell.md} §A.7). The value is the current live
 * value of the check sort key (null when absent or expired) and is always the left-hand side; the operand is the
 * request's {@code check_operand}.
 */
public final class CheckEvaluator {
    /** The outcome of a check. */
    public enum Outcome {
        /** The check passed: the mutation applies (status 0). */
        PASSED,
        /** The check failed: nothing is written (status 13, kTryAgain). */
        FAILED,
        /** An INT check met a value or operand that is not an int64 (status 4, kInvalidArgument). */
        INVALID_ARGUMENT
    }

    private CheckEvaluator() {}

    /**
     * Evaluates {@code type}. The caller has already rejected a null (unknown) type.
     *
     * @param value the current value, or null when absent or expired
     */
    public static Outcome evaluate(cas_check_type type, byte[] operand, byte[] value) {
        boolean exists = value != null;
        return switch (type) {
            case CT_NO_CHECK -> Outcome.PASSED;
            case CT_VALUE_NOT_EXIST -> pass(!exists);
            case CT_VALUE_NOT_EXIST_OR_EMPTY -> pass(!exists || value.length == 0);
            case CT_VALUE_EXIST -> pass(exists);
            case CT_VALUE_NOT_EMPTY -> pass(exists && value.length > 0);
            case CT_VALUE_MATCH_ANYWHERE -> pass(exists && Bytes.contains(value, 0, value.length, operand));
            case CT_VALUE_MATCH_PREFIX -> pass(exists && Bytes.startsWith(value, 0, value.length, operand));
            case CT_VALUE_MATCH_POSTFIX -> pass(exists && Bytes.endsWith(value, 0, value.length, operand));
            case CT_VALUE_BYTES_LESS,
                    CT_VALUE_BYTES_LESS_OR_EQUAL,
                    CT_VALUE_BYTES_EQUAL,
                    CT_VALUE_BYTES_GREATER_OR_EQUAL,
                    CT_VALUE_BYTES_GREATER ->
                exists ? pass(compares(type, Bytes.compare(value, operand))) : Outcome.FAILED;
            case CT_VALUE_INT_LESS,
                    CT_VALUE_INT_LESS_OR_EQUAL,
                    CT_VALUE_INT_EQUAL,
                    CT_VALUE_INT_GREATER_OR_EQUAL,
                    CT_VALUE_INT_GREATER -> evaluateInt(type, operand, value);
        };
    }

    private static Outcome evaluateInt(cas_check_type type, byte[] operand, byte[] value) {
        if (value == null) {
            return Outcome.FAILED;
        }
        OptionalLong left = DecimalInt64.parse(value);
        OptionalLong right = DecimalInt64.parse(operand);
        if (left.isEmpty() || right.isEmpty()) {
            return Outcome.INVALID_ARGUMENT;
        }
        return pass(compares(type, Long.compare(left.getAsLong(), right.getAsLong())));
    }

    /** Whether a comparison result satisfies a BYTES_* or INT_* type. */
    private static boolean compares(cas_check_type type, int c) {
        return switch (type) {
            case CT_VALUE_BYTES_LESS, CT_VALUE_INT_LESS -> c < 0;
            case CT_VALUE_BYTES_LESS_OR_EQUAL, CT_VALUE_INT_LESS_OR_EQUAL -> c <= 0;
            case CT_VALUE_BYTES_EQUAL, CT_VALUE_INT_EQUAL -> c == 0;
            case CT_VALUE_BYTES_GREATER_OR_EQUAL, CT_VALUE_INT_GREATER_OR_EQUAL -> c >= 0;
            case CT_VALUE_BYTES_GREATER, CT_VALUE_INT_GREATER -> c > 0;
            default -> throw new IllegalArgumentException("not a comparison check: " + type);
        };
    }

    private static Outcome pass(boolean passed) {
        return passed ? Outcome.PASSED : Outcome.FAILED;
    }
}
