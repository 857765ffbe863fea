package io.enif.common.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of config templates: {@code ${VAR}} and Pegasus's {@code %{name}} (e.g. {@code %{cluster.name}},
 * {@code %{meta.server.list}}). A deploy script must substitute all of them; one left in a value means it forgot, and
 * the loader refuses to start rather than use the literal text.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("([$%])\\{([^{}]*)}");

    private Placeholders() {}

    /**
     * Replaces every {@code ${NAME}} and {@code %{NAME}} whose {@code NAME} is a key of {@code variables}; others are
     * left as they are.
     */
    public static String substitute(String value, Map<String, String> variables) {
        if (variables.isEmpty() || value.indexOf('{') < 0) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = variables.get(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first placeholder left in {@code value}, such as {@code %{zk.server.list}}. */
    public static Optional<String> findUnsubstituted(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
