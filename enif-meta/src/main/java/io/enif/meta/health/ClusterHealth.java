package io.enif.meta.health;

import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.List;

/**
 * The health of every available table and the summary of {@code ls -d}: {@code total_app_count}, {@code
 * fully_healthy_app_count}, {@code unhealthy_app_count}, {@code write_unhealthy_app_count}, {@code
 * read_unhealthy_app_count}. Tables that are not {@code AS_AVAILABLE} are left out, as the shell does.
 *
 * @param tables the available tables' counters, in app id order
 */
public record ClusterHealth(List<TableHealth> tables) {

    public ClusterHealth {
        tables = List.copyOf(tables);
    }

    /** The health of the available tables of {@code state}. */
    public static ClusterHealth of(ClusterState state, HealthConfig config) {
        List<TableHealth> tables = new ArrayList<>();
        for (TableState table : state.allTables()) {
            if (table.info().status() == AppStatus.AS_AVAILABLE) {
                tables.add(TableHealth.of(table, config));
            }
        }
        return new ClusterHealth(tables);
    }

    public int totalAppCount() {
        return tables.size();
    }

    public int fullyHealthyAppCount() {
        return (int) tables.stream().filter(TableHealth::isHealthy).count();
    }

    public int unhealthyAppCount() {
        return totalAppCount() - fullyHealthyAppCount();
    }

    public int writeUnhealthyAppCount() {
        return (int) tables.stream().filter(t -> t.writeUnhealthy() > 0).count();
    }

    public int readUnhealthyAppCount() {
        return (int) tables.stream().filter(t -> t.readUnhealthy() > 0).count();
    }

    /** Whether every available table is fully healthy (a healthy cluster, {@code spec/ops-cluster.md} §0.3). */
    public boolean isHealthy() {
        return unhealthyAppCount() == 0;
    }
}
