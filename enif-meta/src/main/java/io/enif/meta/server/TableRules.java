package io.enif.meta.server;

import io.enif.common.env.AppEnvValidator;
import io.enif.common.env.EnvViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a table's creation options must satisfy; a violation is answered {@code ERR_INVALID_PARAMETERS} and changes
 * nothing.
 *
 * <ul>
 *   <li>name: {@code [A-Za-z0-9_.:]+}, the rule Pegasus's Java client applies (the meta server applies it too);
 *   <li>partition count: positive and a power of two (keys are spread by {@code hash % count});
 *   <li>replica count: within {@code [min_allowed_replica_count, max_allowed_replica_count]};
 *   <li>envs: every pair known to the env registry and valid ({@link AppEnvValidator}).
 * </ul>
 */
final class TableRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:]+");

    private TableRules() {}

    /** Why {@code name} is not a valid table name, if it is not. */
    static Optional<String> nameProblem(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of("invalid table name '" + name + "': only letters, digits, '_', '.' and ':' are allowed");
        }
        return Optional.empty();
    }

    /** Why {@code count} is not a valid partition count, if it is not. */
    static Optional<String> partitionCountProblem(int count) {
        if (count <= 0 || Integer.bitCount(count) != 1) {
            return Optional.of("partition count " + count + " is not a positive power of two");
        }
        return Optional.empty();
    }

    /** Why {@code count} is not an allowed replica count, if it is not. */
    static Optional<String> replicaCountProblem(int count, MetaServerConfig config) {
        if (count < config.minAllowedReplicaCount() || count > config.maxAllowedReplicaCount()) {
            return Optional.of("replica count " + count + " is out of [" + config.minAllowedReplicaCount() + ", "
                    + config.maxAllowedReplicaCount() + "]");
        }
        return Optional.empty();
    }

    /** Why {@code envs} are refused, if they are: the first violation in key order. */
    static Optional<String> envsProblem(Map<String, String> envs) {
        List<EnvViolation> violations = AppEnvValidator.checkAll(envs);
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(violations.get(0).message());
    }
}
