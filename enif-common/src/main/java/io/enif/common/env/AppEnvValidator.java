package io.enif.common.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks table envs against the registry ({@link AppEnvs}); the meta server runs it at {@code create_app} and at
 * {@code set_app_envs} ({@code spec/ops-tables.md} §0.3, §1.3).
 *
 * <p>A request is all or nothing: if any pair is refused, none is applied, and the caller answers {@code
 * ERR_INVALID_PARAMETERS} with the violation's message as the hint. Unlike Pegasus, which checks only the {@code
 * rocksdb.*} options at create time, Enif runs the same full check on both paths (ops-tables §16 #20).
 */
public final class AppEnvValidator {

    private AppEnvValidator() {}

    /** The problem with one pair, or empty when the key is known and the value acceptable. */
    public static Optional<EnvViolation> check(String key, String value) {
        Optional<AppEnvKey> registered = AppEnvs.find(key);
        if (registered.isEmpty()) {
            return Optional.of(new EnvViolation(key, value, "app_env '" + key + "' is not supported", true));
        }
        return registered.get().problem(value).map(hint -> new EnvViolation(key, value, hint, false));
    }

    /** Every refused pair of {@code envs}, in key order; empty when the whole map is acceptable. */
    public static List<EnvViolation> checkAll(Map<String, String> envs) {
        List<EnvViolation> violations = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(envs).entrySet()) {
            check(entry.getKey(), entry.getValue()).ifPresent(violations::add);
        }
        return violations;
    }

    /**
     * Accepts {@code envs} or throws.
     *
     * @throws InvalidAppEnvException carrying the first refused pair (in key order) and all of them
     */
    public static void requireValid(Map<String, String> envs) {
        List<EnvViolation> violations = checkAll(envs);
        if (!violations.isEmpty()) {
            throw new InvalidAppEnvException(violations);
        }
    }
}
