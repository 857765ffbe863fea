package io.enif.common.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code manual_compact.periodic.trigger_time} env: the times of day (server local time) at which a periodic
 * manual compaction starts, written {@code H:MM[,H:MM...]} ({@code spec/ops-tables.md} §5).
 *
 * <p>Pegasus stores any string and its replicas skip entries they cannot read; Enif checks the whole value when it is
 * set (ops-tables §1.3 [R]), so that a typo is reported to the operator instead of silently never triggering.
 *
 * @param secondsOfDay each trigger as seconds after midnight, in the order given
 */
public record PeriodicTriggerTimes(List<Integer> secondsOfDay) {

    public PeriodicTriggerTimes {
        secondsOfDay = List.copyOf(secondsOfDay);
    }

    /**
     * Parses the value.
     *
     * @throws IllegalArgumentException naming the first entry that is not a valid {@code H:MM}
     */
    public static PeriodicTriggerTimes parse(String value) {
        List<String> entries = ThrottlingSpec.splitRules(value);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the value shouldn't be empty");
        }
        List<Integer> seconds = new ArrayList<>();
        for (String entry : entries) {
            seconds.add(parseEntry(entry));
        }
        return new PeriodicTriggerTimes(seconds);
    }

    /** The hint for an unacceptable value, or empty when the value parses. */
    public static Optional<String> problem(String value) {
        try {
            parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static int parseEntry(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length == 2 && isDigits(parts[0], 2) && isDigits(parts[1], 2)) {
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (hour <= 23 && minute <= 59) {
                return hour * 3600 + minute * 60;
            }
        }
        throw new IllegalArgumentException("'" + entry + "' is not a time of day H:MM (0:00 to 23:59)");
    }

    private static boolean isDigits(String text, int maxLength) {
        return !text.isEmpty() && text.length() <= maxLength && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
