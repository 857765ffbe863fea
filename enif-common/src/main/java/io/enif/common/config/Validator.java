package io.enif.common.config;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A check on a typed value beyond its type, such as a minimum. It runs on the default when the key is declared, on
 * the file and override values when loading, and on every runtime update.
 *
 * @param <T> the type of the values checked
 */
@FunctionalInterface
public interface Validator<T> {

    /**
     * Checks a value.
     *
     * @return empty when the value is acceptable, otherwise a phrase completing {@code <value> ...}, such as
     *     {@code "is less than the minimum 1024"}
     */
    Optional<String> check(T value);

    /** A short statement of what is accepted, for the generated documentation (e.g. {@code ">= 1024"}). */
    default String describe() {
        return "";
    }

    /**
     * A validator from a predicate.
     *
     * @param description what is accepted, for the documentation
     * @param accept true for acceptable values
     * @param problem the phrase used when a value is refused, completing {@code <value> ...}
     */
    static <T> Validator<T> of(String description, Predicate<? super T> accept, String problem) {
        return new Validator<>() {
            @Override
            public Optional<String> check(T value) {
                return accept.test(value) ? Optional.empty() : Optional.of(problem);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
