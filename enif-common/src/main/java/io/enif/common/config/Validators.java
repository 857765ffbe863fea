package io.enif.common.config;

import java.util.Optional;

/** Common {@link Validator}s. Numeric bounds compare integers exactly and other numbers as doubles. */
public final class Validators {
    private Validators() {}

    /** Accepts numbers {@code >= min}. */
    public static Validator<Number> min(Number min) {
        return bound(min, true);
    }

    /** Accepts numbers {@code <= max}. */
    public static Validator<Number> max(Number max) {
        return bound(max, false);
    }

    /** Accepts strings that are not empty after trimming. */
    public static Validator<String> nonEmpty() {
        return Validator.of("not empty", text -> !text.isBlank(), "is empty");
    }

    private static Validator<Number> bound(Number limit, boolean lower) {
        String description = (lower ? ">= " : "<= ") + limit;
        return new Validator<>() {
            @Override
            public Optional<String> check(Number value) {
                int cmp = compare(value, limit);
                if (lower && cmp < 0) {
                    return Optional.of("is less than the minimum " + limit);
                }
                if (!lower && cmp > 0) {
                    return Optional.of("is greater than the maximum " + limit);
                }
                return Optional.empty();
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    static int compare(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }
}
