package io.enif.client.internal;

import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.EnifServerException;
import io.enif.client.EnifTableNotFoundException;
import io.enif.client.EnifTimeoutException;
import io.enif.client.TableInfo;
import io.enif.client.ops.CreateAppOp;
import io.enif.client.ops.DropAppOp;
import io.enif.client.ops.ListAppsOp;
import io.enif.client.ops.QueryCfgOp;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.partition_configuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Table administration as Pegasus's admin client does it: create (then poll {@code query_cfg} every {@code
 * metaRetryDelay} until every partition is healthy or the time is up), health, drop, list.
 */
final class AdminCalls {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.:]+");

    private final MetaSession meta;
    private final ScheduledExecutorService timer;
    private final Duration pollInterval;

    AdminCalls(MetaSession meta, ScheduledExecutorService timer, Duration pollInterval) {
        this.meta = meta;
        this.timer = timer;
        this.pollInterval = pollInterval;
    }

    CompletableFuture<Void> createApp(
            String appName,
            int partitionCount,
            int replicaCount,
            Map<String, String> envs,
            long timeoutMillis,
            boolean successIfExist) {
        if (appName == null || !TABLE_NAME.matcher(appName).matches()) {
            throw new EnifInvalidArgumentException(
                    "createApp: invalid table name '" + appName + "' (allowed: letters, digits, '_', '.', ':')");
        }
        if (partitionCount < 1 || replicaCount < 1) {
            throw new EnifInvalidArgumentException("createApp: partition count and replica count must be >= 1, got "
                    + partitionCount + " and " + replicaCount);
        }
        if (timeoutMillis <= 0) {
            throw new EnifInvalidArgumentException("createApp: timeout must be positive, got " + timeoutMillis);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        CreateAppOp op =
                new CreateAppOp(appName, partitionCount, replicaCount, envs == null ? Map.of() : envs, successIfExist);
        return meta.call(op).thenCompose(response -> {
            String err = op.err(response);
            if (ErrorCode.ERR_INVALID_PARAMETERS.wireName().equals(err)) {
                throw new EnifInvalidArgumentException("createApp " + appName + ": the meta server refused the options"
                        + " (ERR_INVALID_PARAMETERS; a table of that name with other options may exist)");
            }
            requireOk(op.name(), err);
            CompletableFuture<Void> healthy = new CompletableFuture<>();
            pollHealth(appName, replicaCount, deadline, timeoutMillis, healthy);
            return healthy;
        });
    }

    private void pollHealth(
            String appName, int replicaCount, long deadline, long timeoutMillis, CompletableFuture<Void> done) {
        isAppHealthy(appName, replicaCount).whenComplete((health, failure) -> {
            if (failure != null && !(Futures.unwrap(failure) instanceof EnifTableNotFoundException)) {
                done.completeExceptionally(Futures.asClientException(failure));
                return;
            }
            if (health != null && health.healthy()) {
                done.complete(null);
                return;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left < pollInterval.toMillis()) {
                done.completeExceptionally(new EnifTimeoutException(
                        "table " + appName + " was created but is not healthy after " + timeoutMillis + " ms"
                                + (health == null
                                        ? ""
                                        : ": " + health.healthyPartitions() + " of "
                                                + health.partitionCount() + " partitions have a primary and "
                                                + (replicaCount - 1) + " secondaries"),
                        null));
                return;
            }
            try {
                timer.schedule(
                        () -> pollHealth(appName, replicaCount, deadline, timeoutMillis, done),
                        pollInterval.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                done.completeExceptionally(new EnifServerException("ERR_TIMEOUT", "the client is closed"));
            }
        });
    }

    /** How many partitions of a table are healthy. */
    record Health(int partitionCount, int healthyPartitions) {
        boolean healthy() {
            return healthyPartitions == partitionCount;
        }
    }

    CompletableFuture<Health> isAppHealthy(String appName, int replicaCount) {
        if (replicaCount < 1) {
            throw new EnifInvalidArgumentException("isAppHealthy: replica count must be >= 1, got " + replicaCount);
        }
        QueryCfgOp op = new QueryCfgOp(appName);
        return meta.call(op).thenApply(response -> {
            String err = op.err(response);
            if (ErrorCode.ERR_OBJECT_NOT_FOUND.wireName().equals(err)) {
                throw new EnifTableNotFoundException(appName, "no such table: '" + appName + "'");
            }
            requireOk(op.name(), err);
            return new Health(response.partition_count, healthyPartitions(response, replicaCount));
        });
    }

    private static int healthyPartitions(query_cfg_response response, int replicaCount) {
        int healthy = 0;
        List<partition_configuration> partitions = response.partitions == null ? List.of() : response.partitions;
        for (partition_configuration pc : partitions) {
            int secondaries = pc.secondaries == null ? 0 : pc.secondaries.size();
            if (pc.primary != null && pc.primary.isValid() && secondaries + 1 >= replicaCount) {
                healthy++;
            }
        }
        return healthy;
    }

    CompletableFuture<Void> dropApp(String appName, int reserveSeconds) {
        if (appName == null || appName.isEmpty()) {
            throw new EnifInvalidArgumentException("dropApp: the table name must not be empty");
        }
        DropAppOp op = new DropAppOp(appName, reserveSeconds);
        return meta.call(op).thenAccept(response -> requireOk(op.name(), op.err(response)));
    }

    CompletableFuture<List<TableInfo>> listApps(boolean onlyAvailable) {
        ListAppsOp op = new ListAppsOp(onlyAvailable);
        return meta.call(op).thenApply(response -> {
            requireOk(op.name(), op.err(response));
            List<TableInfo> tables = new ArrayList<>();
            if (response.infos != null) {
                for (app_info info : response.infos) {
                    tables.add(new TableInfo(
                            info.app_name,
                            info.app_id,
                            info.status == null ? "AS_INVALID" : info.status.name(),
                            info.partition_count,
                            info.max_replica_count,
                            info.envs == null ? Map.of() : Map.copyOf(info.envs),
                            info.create_second,
                            info.drop_second));
                }
            }
            return tables;
        });
    }

    private static void requireOk(String what, String err) {
        if (!ErrorCode.ERR_OK.wireName().equals(err)) {
            throw new EnifServerException(err, what + " failed: " + err + ErrorHints.of(err));
        }
    }
}
