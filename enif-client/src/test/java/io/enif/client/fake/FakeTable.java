package io.enif.client.fake;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import io.enif.proto.layer2.partition_configuration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A table as the fake meta server knows it: which fake replica is each partition's primary. */
public final class FakeTable {
    final String name;
    final int appId;
    final int partitionCount;
    final int replicaCount;
    final int[] primaryReplica;
    final long[] ballots;
    final long createSecond = System.currentTimeMillis() / 1000;
    volatile long dropSecond;
    /** How many more query_cfg answers report every partition without secondaries (not healthy yet). */
    final AtomicInteger unhealthyAnswers = new AtomicInteger();

    FakeTable(String name, int appId, int partitionCount, int replicaCount, int replicas) {
        this.name = name;
        this.appId = appId;
        this.partitionCount = partitionCount;
        this.replicaCount = replicaCount;
        this.primaryReplica = new int[partitionCount];
        this.ballots = new long[partitionCount];
        for (int i = 0; i < partitionCount; i++) {
            primaryReplica[i] = i % replicas;
            ballots[i] = 1;
        }
    }

    public int appId() {
        return appId;
    }

    public Gpid gpid(int partitionIndex) {
        return new Gpid(appId, partitionIndex);
    }

    /** The index of the fake replica that is the partition's primary (-1 = none). */
    public int primaryOf(int partitionIndex) {
        return primaryReplica[partitionIndex];
    }

    boolean dropped() {
        return dropSecond != 0;
    }

    synchronized query_cfg_response queryCfg(List<FakeReplica> replicas) {
        boolean unhealthy = unhealthyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        query_cfg_response r = new query_cfg_response();
        r.err = new error_code();
        r.app_id = appId;
        r.partition_count = partitionCount;
        r.is_stateful = true;
        r.partitions = new ArrayList<>();
        for (int i = 0; i < partitionCount; i++) {
            partition_configuration pc = new partition_configuration();
            pc.pid = new gpid(appId, i);
            pc.ballot = ballots[i];
            pc.max_replica_count = replicaCount;
            int primary = primaryReplica[i];
            pc.primary = primary < 0
                    ? rpc_address.none()
                    : rpc_address.fromHostPort(replicas.get(primary).address());
            pc.secondaries = new ArrayList<>();
            for (int s = 1; s < replicaCount && !unhealthy; s++) {
                pc.secondaries.add(rpc_address.fromHostPort(new HostPort("127.0.0.2", 40000 + s)));
            }
            pc.last_drops = new ArrayList<>();
            r.partitions.add(pc);
        }
        return r;
    }

    app_info info() {
        app_info info = new app_info();
        info.status = dropped() ? app_status.AS_DROPPED : app_status.AS_AVAILABLE;
        info.app_type = "pegasus";
        info.app_name = name;
        info.app_id = appId;
        info.partition_count = partitionCount;
        info.envs = new HashMap<>();
        info.is_stateful = true;
        info.max_replica_count = replicaCount;
        info.create_second = createSecond;
        info.drop_second = dropSecond;
        info.init_partition_count = partitionCount;
        return info;
    }
}
