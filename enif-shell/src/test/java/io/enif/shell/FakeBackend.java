package io.enif.shell;

import io.enif.client.EnifServerException;
import io.enif.client.EnifTable;
import io.enif.client.EnifTableNotFoundException;
import io.enif.client.MultiGetResult;
import io.enif.client.SortKeyValue;
import io.enif.client.TableInfo;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory cluster: tables of string rows, three nodes, partitions that get healthy after one poll. */
final class FakeBackend implements ShellBackend {
    static final List<String> NODES = List.of("127.0.0.1:34801", "127.0.0.1:34802", "127.0.0.1:34803");

    static final class Table {
        final String name;
        final int appId;
        final int partitionCount;
        final int replicaCount;
        String status = "AS_AVAILABLE";
        int pollsUntilHealthy;
        final TreeMap<String, String> rows = new TreeMap<>();
        final Map<String, String> envs = new TreeMap<>();

        Table(String name, int appId, int partitionCount, int replicaCount) {
            this.name = name;
            this.appId = appId;
            this.partitionCount = partitionCount;
            this.replicaCount = replicaCount;
        }
    }

    final Map<String, Table> tables = new LinkedHashMap<>();
    String metaLevel = "fl_steady";
    boolean unreachable;

    FakeBackend() {
        tables.put("temp", new Table("temp", 1, 8, 3));
    }

    private void check() {
        if (unreachable) {
            throw new io.enif.client.EnifClientException("ERR_TIMEOUT", "no meta server answered", null);
        }
    }

    private Table find(String name) {
        check();
        Table t = tables.get(name);
        if (t == null || !t.status.equals("AS_AVAILABLE")) {
            throw new EnifTableNotFoundException(name, "ERR_OBJECT_NOT_FOUND");
        }
        return t;
    }

    String metaServers = "fake:1";

    @Override
    public String metaServers() {
        return metaServers;
    }

    private static String s(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public EnifTable openTable(String name) {
        Table t = find(name);
        return (EnifTable) Proxy.newProxyInstance(
                EnifTable.class.getClassLoader(), new Class<?>[] {EnifTable.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "tableName":
                            return t.name;
                        case "appId":
                            return t.appId;
                        case "partitionCount":
                            return t.partitionCount;
                        case "get":
                            String v = t.rows.get(s(args[0]) + "\0" + s(args[1]));
                            return v == null ? null : b(v);
                        case "set":
                            t.rows.put(s(args[0]) + "\0" + s(args[1]), s(args[2]));
                            return null;
                        case "del":
                            t.rows.remove(s(args[0]) + "\0" + s(args[1]));
                            return null;
                        case "exist":
                            return t.rows.containsKey(s(args[0]) + "\0" + s(args[1]));
                        case "ttl":
                            return t.rows.containsKey(s(args[0]) + "\0" + s(args[1])) ? -1 : -2;
                        case "incr":
                            String key = s(args[0]) + "\0" + s(args[1]);
                            long next = Long.parseLong(t.rows.getOrDefault(key, "0")) + (long) args[2];
                            t.rows.put(key, Long.toString(next));
                            return next;
                        case "multiSet":
                            for (SortKeyValue kv : (List<SortKeyValue>) args[1]) {
                                t.rows.put(s(args[0]) + "\0" + s(kv.sortKey()), s(kv.value()));
                            }
                            return null;
                        case "multiDel":
                            for (byte[] sk : (List<byte[]>) args[1]) {
                                t.rows.remove(s(args[0]) + "\0" + s(sk));
                            }
                            return null;
                        case "multiGet":
                            if (args.length == 7) {
                                return FakeRows.range(t.rows, args);
                            }
                            List<SortKeyValue> out = new ArrayList<>();
                            String prefix = s(args[0]) + "\0";
                            List<byte[]> wanted = (List<byte[]>) args[1];
                            t.rows.forEach((k, val) -> {
                                if (k.startsWith(prefix)) {
                                    String sk = k.substring(prefix.length());
                                    if (wanted.isEmpty() || wanted.stream().anyMatch(w -> s(w).equals(sk))) {
                                        out.add(new SortKeyValue(b(sk), b(val)));
                                    }
                                }
                            });
                            return new MultiGetResult(true, out);
                        case "multiGetSortKeys":
                            return FakeRows.sortKeys(t.rows, (byte[]) args[0]);
                        case "getScanner":
                            return FakeRows.hashScanner(t.rows, args);
                        case "getUnorderedScanners":
                            return FakeRows.unorderedScanners(t.rows, t.partitionCount, args);
                        case "checkAndSet":
                            return FakeRows.checkAndSet(t.rows, args);
                        case "checkAndMutate":
                            return FakeRows.checkAndMutate(t.rows, args);
                        case "sortKeyCount":
                            String p = s(args[0]) + "\0";
                            return t.rows.keySet().stream()
                                    .filter(k -> k.startsWith(p))
                                    .count();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Override
    public List<TableInfo> listApps(boolean all) {
        check();
        List<TableInfo> out = new ArrayList<>();
        for (Table t : tables.values()) {
            if (all || t.status.equals("AS_AVAILABLE")) {
                out.add(new TableInfo(t.name, t.appId, t.status, t.partitionCount, t.replicaCount, t.envs, 0, 0));
            }
        }
        return out;
    }

    @Override
    public AppConfig queryConfig(String name) {
        Table t = find(name);
        boolean healthy = t.pollsUntilHealthy-- <= 0;
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int i = 0; i < t.partitionCount; i++) {
            String primary = NODES.get(i % NODES.size());
            List<String> secondaries = new ArrayList<>();
            for (int r = 1; r < (healthy ? t.replicaCount : 1); r++) {
                secondaries.add(NODES.get((i + r) % NODES.size()));
            }
            partitions.add(new PartitionInfo(i, 3, t.replicaCount, primary, secondaries));
        }
        return new AppConfig(name, t.appId, t.partitionCount, partitions);
    }

    @Override
    public void createApp(String name, int partitionCount, int replicaCount, Map<String, String> envs) {
        check();
        if (tables.containsKey(name)) {
            throw new EnifServerException("ERR_APP_EXIST", "create_app(" + name + ") failed: ERR_APP_EXIST");
        }
        Table t = new Table(name, tables.size() + 1, partitionCount, replicaCount);
        t.pollsUntilHealthy = 1;
        t.envs.putAll(envs);
        tables.put(name, t);
    }

    @Override
    public void dropApp(String name, long reserveSeconds) {
        find(name).status = "AS_DROPPED";
    }

    @Override
    public String recallApp(int appId, String newName) {
        check();
        for (Table t : tables.values()) {
            if (t.appId == appId && t.status.equals("AS_DROPPED")) {
                t.status = "AS_AVAILABLE";
                return t.name;
            }
        }
        throw new EnifServerException("ERR_APP_NOT_EXIST", "recall_app(" + appId + ") failed: ERR_APP_NOT_EXIST");
    }

    @Override
    public List<NodeInfo> listNodes() {
        check();
        return List.of(
                new NodeInfo(NODES.get(0), true), new NodeInfo(NODES.get(1), true), new NodeInfo(NODES.get(2), false));
    }

    @Override
    public Map<String, String> clusterInfo() {
        check();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("meta_servers", "127.0.0.1:34601,127.0.0.1:34602");
        info.put("primary_meta_server", "127.0.0.1:34601");
        info.put("meta_function_level", metaLevel);
        return info;
    }

    @Override
    public String metaLevel() {
        return metaLevel;
    }

    @Override
    public String setMetaLevel(String level) {
        String old = metaLevel;
        metaLevel = level;
        return old;
    }

    @Override
    public void setAppEnvs(String app, List<String> keys, List<String> values) {
        Table t = find(app);
        for (int i = 0; i < keys.size(); i++) {
            t.envs.put(keys.get(i), values.get(i));
        }
    }

    @Override
    public String delAppEnvs(String app, List<String> keys) {
        Table t = find(app);
        List<String> deleted = new ArrayList<>();
        for (String k : keys) {
            if (t.envs.remove(k) != null) {
                deleted.add(k);
            }
        }
        return deleted.isEmpty() ? "no key deleted" : "deleted keys: " + String.join(",", deleted);
    }

    @Override
    public String clearAppEnvs(String app, String prefix) {
        Table t = find(app);
        List<String> deleted = new ArrayList<>();
        t.envs.keySet().removeIf(k -> {
            boolean match = prefix.isEmpty() || k.startsWith(prefix + ".");
            if (match) {
                deleted.add(k);
            }
            return match;
        });
        return "deleted keys: " + String.join(",", deleted);
    }

    /** The meta servers {@code cc} switched to last. */
    String connectedTo;

    boolean closed;

    @Override
    public ShellBackend connectTo(String metaServers) {
        FakeBackend other = new FakeBackend();
        other.metaServers = metaServers;
        connectedTo = metaServers;
        return other;
    }

    @Override
    public void close() {
        closed = true;
    }
}
