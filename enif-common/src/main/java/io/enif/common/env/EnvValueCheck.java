package io.enif.common.env;

import java.util.Optional;

/** A check of one env value beyond its type: empty when the value is fine, else a hint saying what is wrong. */
@FunctionalInterface
public interface EnvValueCheck {
    /** Accepts every value. */
    EnvValueCheck ANY = value -> Optional.empty();

    /** Why {@code value} is not acceptable, or empty when it is. */
    Optional<String> problem(String value);
}
