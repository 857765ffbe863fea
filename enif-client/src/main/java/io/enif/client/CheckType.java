package io.enif.client;

/**
 * The check of checkAndSet and checkAndMutate, applied to the current live value of the check sort key (an expired
 * record counts as absent). The value is the left-hand side: {@code BYTES_LESS} passes when value &lt; operand.
 *
 * <p>For the {@code VALUE_MATCH_*}, {@code BYTES_*} and {@code INT_*} checks an absent value fails the check. For the
 * {@code INT_*} checks a present value or an operand that is not a decimal int64 is an error ({@link
 * EnifInvalidArgumentException}), not a failed check.
 */
public enum CheckType {
    NO_CHECK(0),
    VALUE_NOT_EXIST(1),
    VALUE_NOT_EXIST_OR_EMPTY(2),
    VALUE_EXIST(3),
    VALUE_NOT_EMPTY(4),
    VALUE_MATCH_ANYWHERE(5),
    VALUE_MATCH_PREFIX(6),
    VALUE_MATCH_POSTFIX(7),
    VALUE_BYTES_LESS(8),
    VALUE_BYTES_LESS_OR_EQUAL(9),
    VALUE_BYTES_EQUAL(10),
    VALUE_BYTES_GREATER_OR_EQUAL(11),
    VALUE_BYTES_GREATER(12),
    VALUE_INT_LESS(13),
    VALUE_INT_LESS_OR_EQUAL(14),
    VALUE_INT_EQUAL(15),
    VALUE_INT_GREATER_OR_EQUAL(16),
    VALUE_INT_GREATER(17);

    private final int value;

    CheckType(int value) {
        this.value = value;
    }

    /** The wire value ({@code cas_check_type}). */
    public int value() {
        return value;
    }
}
