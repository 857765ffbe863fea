package io.enif.replica.testing;

import io.enif.common.Gpid;
import io.enif.common.error.ErrorCode;
import io.enif.proto.layer2.app_info;
import io.enif.replica.partition.MetaLink;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.event.Event;
import io.enif.replication.ready.Ready;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The meta server's persistence rule (spec §6.10) in memory, per partition: a change is stored only with the stored
 * ballot + 1; an identical repeat is acknowledged; anything else is refused with {@code ERR_INVALID_VERSION} and the
 * stored configuration.
 */
public final class FakeMetaLink implements MetaLink {
    private final Map<Gpid, PartitionConfiguration> stored = new ConcurrentHashMap<>();
    private final List<Ready.UpdateConfiguration> requests = new CopyOnWriteArrayList<>();
    private final List<Gpid> queries = new CopyOnWriteArrayList<>();

    public FakeMetaLink(PartitionConfiguration... initial) {
        for (PartitionConfiguration pc : initial) {
            stored.put(pc.gpid(), pc);
        }
    }

    @Override
    public synchronized CompletableFuture<Event.ConfigurationUpdateReply> updateConfiguration(
            app_info app, Ready.UpdateConfiguration request) {
        requests.add(request);
        PartitionConfiguration proposed = request.config();
        PartitionConfiguration current = stored.get(proposed.gpid());
        if (current == null) {
            return CompletableFuture.completedFuture(
                    new Event.ConfigurationUpdateReply(ErrorCode.ERR_OBJECT_NOT_FOUND, null));
        }
        if (proposed.ballot() == current.ballot() && sameMembers(proposed, current)) {
            return CompletableFuture.completedFuture(new Event.ConfigurationUpdateReply(ErrorCode.ERR_OK, current));
        }
        if (proposed.ballot() != current.ballot() + 1) {
            return CompletableFuture.completedFuture(
                    new Event.ConfigurationUpdateReply(ErrorCode.ERR_INVALID_VERSION, current));
        }
        stored.put(proposed.gpid(), proposed);
        return CompletableFuture.completedFuture(new Event.ConfigurationUpdateReply(ErrorCode.ERR_OK, proposed));
    }

    @Override
    public void queryConfiguration(Gpid gpid) {
        queries.add(gpid);
    }

    public PartitionConfiguration stored(Gpid gpid) {
        return stored.get(gpid);
    }

    public List<Ready.UpdateConfiguration> requests() {
        return List.copyOf(requests);
    }

    private static boolean sameMembers(PartitionConfiguration a, PartitionConfiguration b) {
        return Objects.equals(a.primary(), b.primary())
                && a.secondaries().size() == b.secondaries().size()
                && a.secondaries().containsAll(b.secondaries());
    }
}
