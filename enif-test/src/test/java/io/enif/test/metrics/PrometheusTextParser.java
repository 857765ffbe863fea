package io.enif.test.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, to check what {@code /metrics} serves: metric and
 * label names must be valid, label values correctly escaped, a family's {@code # TYPE} must come before its samples
 * and at most once, a family's samples must be contiguous, a series must not repeat, a summary may only have
 * {@code quantile} samples plus {@code _sum} and {@code _count}, and every value must parse as a float.
 */
final class PrometheusTextParser {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary", "histogram", "untyped");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {}

    /** One metric family: its type and samples. */
    record Family(String name, String type, List<Sample> samples) {}

    private PrometheusTextParser() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the line, on any violation
     */
    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text must end with a new line");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> help = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + ": " + line;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] words = line.split(" ", 4);
                if (words.length >= 3 && words[1].equals("HELP")) {
                    name(words[2], where);
                    if (!help.add(words[2])) {
                        throw new IllegalArgumentException("second HELP, " + where);
                    }
                } else if (words.length >= 3 && words[1].equals("TYPE")) {
                    String family = name(words[2], where);
                    if (words.length != 4 || !TYPES.contains(words[3])) {
                        throw new IllegalArgumentException("bad TYPE, " + where);
                    }
                    if (families.containsKey(family)) {
                        throw new IllegalArgumentException("TYPE after samples or twice, " + where);
                    }
                    families.put(family, new Family(family, words[3], new ArrayList<>()));
                    if (current != null) {
                        closed.add(current);
                    }
                    current = family;
                }
                continue;
            }
            Sample sample = sample(line, where);
            String family = familyOf(sample.name(), families);
            if (!families.containsKey(family)) {
                families.put(family, new Family(family, "untyped", new ArrayList<>()));
            }
            if (closed.contains(family)) {
                throw new IllegalArgumentException("samples of " + family + " are not contiguous, " + where);
            }
            if (current != null && !current.equals(family)) {
                closed.add(current);
            }
            current = family;
            Family f = families.get(family);
            if (f.type().equals("summary")) {
                boolean quantile =
                        sample.name().equals(family) && sample.labels().containsKey("quantile");
                boolean total =
                        sample.name().equals(family + "_sum") || sample.name().equals(family + "_count");
                if (!quantile && !total) {
                    throw new IllegalArgumentException("not a summary sample, " + where);
                }
            } else if (!sample.name().equals(family)) {
                throw new IllegalArgumentException("sample outside its family, " + where);
            }
            if (!series.add(sample.name() + new TreeMap<>(sample.labels()))) {
                throw new IllegalArgumentException("duplicate series, " + where);
            }
            f.samples().add(sample);
        }
        return families;
    }

    private static String familyOf(String sampleName, Map<String, Family> families) {
        for (String suffix : List.of("_sum", "_count")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                Family f = families.get(base);
                if (f != null && f.type().equals("summary")) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static String name(String name, String where) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name, " + where);
        }
        return name;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = name(line.substring(0, i), where);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unclosed labels, " + where);
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("label without value, " + where);
                }
                String label = line.substring(i, eq);
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw new IllegalArgumentException("bad label name '" + label + "', " + where);
                }
                i = eq + 1;
                if (i >= line.length() || line.charAt(i) != '"') {
                    throw new IllegalArgumentException("label value not quoted, " + where);
                }
                i++;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unclosed label value, " + where);
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = i < line.length() ? line.charAt(i++) : ' ';
                        switch (e) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw new IllegalArgumentException("bad escape in label value, " + where);
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException("label '" + label + "' twice, " + where);
                }
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                } else if (i >= line.length() || line.charAt(i) != '}') {
                    throw new IllegalArgumentException("expected , or } after a label, " + where);
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new IllegalArgumentException("no value, " + where);
        }
        String[] rest = line.substring(i + 1).split(" ", -1);
        if (rest.length < 1 || rest.length > 2) {
            throw new IllegalArgumentException("expected a value and an optional timestamp, " + where);
        }
        double value = value(rest[0], where);
        if (rest.length == 2) {
            try {
                Long.parseLong(rest[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad timestamp, " + where);
            }
        }
        return new Sample(name, labels, value);
    }

    private static double value(String text, String where) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad value, " + where);
                }
        }
    }
}
