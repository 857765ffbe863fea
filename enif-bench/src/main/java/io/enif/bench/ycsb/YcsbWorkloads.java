package io.enif.bench.ycsb;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * YCSB's core workloads A–F by name, so that {@code enif bench -P a} needs no workload file (YCSB's jar on Maven
 * Central does not ship them). The settings are YCSB's published ones; record and operation counts, value sizes and
 * the like come from the command line.
 */
public final class YcsbWorkloads {
    private YcsbWorkloads() {}

    /**
     * The properties of a core workload named {@code a}…{@code f} or {@code workloada}…{@code workloadf} (any case),
     * or empty when the name is none of them (then it is a workload file's path).
     */
    public static Optional<Map<String, String>> named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("workload")) {
            n = n.substring("workload".length());
        }
        if (n.length() != 1) {
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("workload", "site.ycsb.workloads.CoreWorkload");
        p.put("readallfields", "true");
        p.put("requestdistribution", "zipfian");
        switch (n.charAt(0)) {
            case 'a' -> mix(p, "0.5", "0.5", "0", "0", "0");
            case 'b' -> mix(p, "0.95", "0.05", "0", "0", "0");
            case 'c' -> mix(p, "1", "0", "0", "0", "0");
            case 'd' -> {
                mix(p, "0.95", "0", "0", "0.05", "0");
                p.put("requestdistribution", "latest");
            }
            case 'e' -> {
                mix(p, "0", "0", "0.95", "0.05", "0");
                p.put("maxscanlength", "100");
                p.put("scanlengthdistribution", "uniform");
            }
            case 'f' -> mix(p, "0.5", "0", "0", "0", "0.5");
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(p);
    }

    private static void mix(Map<String, String> p, String read, String update, String scan, String insert, String rmw) {
        p.put("readproportion", read);
        p.put("updateproportion", update);
        p.put("scanproportion", scan);
        p.put("insertproportion", insert);
        p.put("readmodifywriteproportion", rmw);
    }
}
