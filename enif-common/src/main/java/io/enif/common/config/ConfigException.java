package io.enif.common.config;

import io.enif.common.error.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A configuration that cannot be used: a malformed or refused value, an unsubstituted placeholder, a broken ini
 * line, an unknown override, or a refused runtime update.
 *
 * <p>The message names the source, section, key and value, e.g. {@code conf/enif.ini: [replication]
 * prepare_timeout_ms_for_secondaries = "abc" is not an integer (line 12)}. When loading finds several problems they
 * are all reported, one per line, and listed by {@link #problems()}. {@link #errorCode()} is what an HTTP or remote
 * command answer carries ({@code ERR_INVALID_PARAMETERS}, or {@code ERR_OBJECT_NOT_FOUND} for an unknown key).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode errorCode;
    private final transient List<String> problems;

    /** One problem. */
    public ConfigException(ErrorCode errorCode, String message) {
        this(errorCode, List.of(message), null);
    }

    /** One problem, with its cause. */
    public ConfigException(ErrorCode errorCode, String message, Throwable cause) {
        this(errorCode, List.of(message), cause);
    }

    /** Several problems found in one pass; the message lists them all. */
    public ConfigException(ErrorCode errorCode, List<String> problems) {
        this(errorCode, problems, null);
    }

    private ConfigException(ErrorCode errorCode, List<String> problems, Throwable cause) {
        super(message(problems), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.problems = List.copyOf(problems);
    }

    /** The error name to report over RPC or HTTP. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Each problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " configuration errors:\n  " + String.join("\n  ", problems);
    }
}
