package io.enif.rpc.ops;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Who a server process is: its role, the build's version and commit, and when it started. {@code /version}, {@code
 * /recentStartTime} and the {@code server-info} command report it.
 *
 * @param role {@code meta} or {@code replica}
 * @param version the build's version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitSha the build's commit, or {@code unknown}
 * @param startTime when the process (the server) started
 */
public record ServerInfo(String role, String version, String gitSha, Instant startTime) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String RESOURCE = "/io/enif/rpc/ops/version.properties";

    public ServerInfo {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(gitSha, "gitSha");
        Objects.requireNonNull(startTime, "startTime");
    }

    /** A server of {@code role} starting now, with the version the build wrote into the jar. */
    public static ServerInfo startingNow(String role) {
        Properties build = new Properties();
        try (InputStream in = ServerInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        String version = build.getProperty("version", "unknown");
        if (version.startsWith("${")) {
            version = "unknown"; // an unfiltered resource (an IDE build)
        }
        return new ServerInfo(role, version, build.getProperty("git_sha", "unknown"), Instant.now());
    }

    /** The start time as Pegasus prints it, {@code YYYY-MM-DD hh:mm:ss} in the server's time zone. */
    public String startTimeText() {
        return TIME.format(startTime);
    }

    /** The fields of {@code server-info}: {@code version}, {@code build_type}, {@code git_SHA}, {@code start_time}. */
    public Map<String, String> toServerInfo() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("build_type", "Release");
        map.put("git_SHA", gitSha);
        map.put("start_time", startTimeText());
        map.put("version", version);
        return map;
    }
}
