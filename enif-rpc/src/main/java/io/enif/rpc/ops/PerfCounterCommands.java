package io.enif.rpc.ops;

import io.enif.common.config.ConfigJson;
import io.enif.common.metrics.Counter;
import io.enif.common.metrics.Gauge;
import io.enif.common.metrics.Metric;
import io.enif.common.metrics.MetricEntity;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.Percentile;
import io.enif.rpc.command.RemoteCommand;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code perf-counters} family of remote commands ({@code spec/ops-cluster.md} §4.2, §13.2 C), answered from the
 * process's {@link MetricRegistry}: {@code perf-counters [regexp]...} (whole-name matches), {@code
 * perf-counters-by-prefix [prefix]...}, {@code perf-counters-by-postfix [postfix]...} and {@code
 * perf-counters-by-substr [substr]...}. A counter is listed when it matches any of the filters (their OR); no filter
 * lists every counter.
 *
 * <p>The reply has the shape of Pegasus's {@code perf_counter_info}, which its tools parse: {@code
 * {"result":"OK","timestamp":<unix seconds>,"timestamp_str":"YYYY-MM-DD hh:mm:ss","counters":[{"name":..,"type":..,
 * "value":..}]}}; a filter that is not a valid regular expression answers {@code "result":"ERROR: invalid filter:
 * <filter>"} with no counters. Each metric becomes one counter named {@code <role>*<entity type>*<metric>}, followed
 * by {@code @<id>} for entities with an id such as {@code replica@2.3} (e.g. {@code
 * replica*replica*get_requests@2.3}, {@code meta*server*alive_replica_servers}), as Pegasus names its counters
 * {@code <app>*<section>*<name>@<gpid>}. Counters and gauges are {@code NUMBER}s; a percentile is a {@code
 * PERCENTILE} whose value is its p99, plus a second counter with the suffix {@code .p999}, as Pegasus reports them.
 * Regular expressions are Java's, which accept Pegasus's usual filters ({@code .*}, {@code @2\.3}).
 */
public final class PerfCounterCommands {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final MetricRegistry registry;
    private final String role;
    private final LongSupplier nowMs;

    PerfCounterCommands(MetricRegistry registry, String role, LongSupplier nowMs) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.role = Objects.requireNonNull(role, "role");
        this.nowMs = Objects.requireNonNull(nowMs, "nowMs");
    }

    /** The four commands over {@code registry} of a server of {@code role} ({@code meta} or {@code replica}). */
    public static List<RemoteCommand> all(MetricRegistry registry, String role) {
        return new PerfCounterCommands(registry, role, System::currentTimeMillis).commands();
    }

    List<RemoteCommand> commands() {
        return List.of(
                RemoteCommand.of(
                        "perf-counters",
                        "[regexp]...",
                        "Query perf counters, filtered by OR of regular expressions (whole-name match)",
                        this::byRegexp),
                RemoteCommand.of(
                        "perf-counters-by-substr",
                        "[substr]...",
                        "Query perf counters, filtered by OR of substrings",
                        args -> byLiteral(args, String::contains)),
                RemoteCommand.of(
                        "perf-counters-by-prefix",
                        "[prefix]...",
                        "Query perf counters, filtered by OR of prefixes",
                        args -> byLiteral(args, String::startsWith)),
                RemoteCommand.of(
                        "perf-counters-by-postfix",
                        "[postfix]...",
                        "Query perf counters, filtered by OR of postfixes",
                        args -> byLiteral(args, String::endsWith)));
    }

    private String byRegexp(List<String> args) {
        List<Pattern> patterns = new ArrayList<>();
        for (String arg : args) {
            try {
                patterns.add(Pattern.compile(arg));
            } catch (PatternSyntaxException e) {
                return reply("ERROR: invalid filter: " + arg, List.of());
            }
        }
        return reply(
                "OK",
                select(name -> patterns.isEmpty()
                        || patterns.stream().anyMatch(p -> p.matcher(name).matches())));
    }

    private String byLiteral(List<String> args, BiPredicate<String, String> test) {
        return reply("OK", select(name -> args.isEmpty() || args.stream().anyMatch(a -> test.test(name, a))));
    }

    private List<Map<String, Object>> select(Predicate<String> wanted) {
        registry.collect();
        List<Map<String, Object>> counters = new ArrayList<>();
        for (MetricEntity entity : registry.entities()) {
            String base = role + "*" + entity.type() + "*";
            int at = entity.id().indexOf('@');
            String suffix = at < 0 ? "" : entity.id().substring(at);
            for (Metric metric : entity.metrics()) {
                String name = base + metric.prototype().name() + suffix;
                if (metric instanceof Counter c) {
                    add(counters, wanted, name, "NUMBER", c.value());
                } else if (metric instanceof Gauge g) {
                    add(counters, wanted, name, "NUMBER", g.value());
                } else if (metric instanceof Percentile p) {
                    Percentile.Snapshot snapshot = p.snapshot();
                    add(counters, wanted, name, "PERCENTILE", snapshot.value("p99"));
                    add(counters, wanted, name + ".p999", "PERCENTILE", snapshot.value("p999"));
                }
            }
        }
        return counters;
    }

    private static void add(
            List<Map<String, Object>> counters, Predicate<String> wanted, String name, String type, long value) {
        if (wanted.test(name)) {
            Map<String, Object> counter = new LinkedHashMap<>();
            counter.put("name", name);
            counter.put("type", type);
            counter.put("value", value);
            counters.add(counter);
        }
    }

    private String reply(String result, List<Map<String, Object>> counters) {
        long now = nowMs.getAsLong();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("result", result);
        info.put("timestamp", now / 1000);
        info.put("timestamp_str", TIME.format(Instant.ofEpochMilli(now)));
        info.put("counters", counters);
        return ConfigJson.write(info);
    }
}
