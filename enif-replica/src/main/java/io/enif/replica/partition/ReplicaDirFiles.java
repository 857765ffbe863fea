package io.enif.replica.partition;

import io.enif.proto.layer2.app_info;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TJSONProtocol;

/**
 * The small files of a replica directory: {@code .app-info} (an i32 magic {@code 0xdeadbeef}, big-endian, then the
 * table's {@code app_info} in Thrift JSON, envs omitted except {@code rocksdb.allow_ingest_behind}) and {@code
 * .init-info} (JSON {@code init_ballot}, {@code init_durable_decree}, {@code init_offset_in_shared_log}, {@code
 * init_offset_in_private_log}). Both are written to a temporary file and renamed into place.
 */
public final class ReplicaDirFiles {
    /** The magic that opens {@code .app-info}. */
    public static final int APP_INFO_MAGIC = 0xdeadbeef;

    private static final String KEPT_ENV = "rocksdb.allow_ingest_behind";

    private ReplicaDirFiles() {}

    /** Writes {@code .app-info}. */
    public static void writeAppInfo(ReplicaDir dir, app_info info) throws IOException {
        app_info stored = info.deepCopy();
        Map<String, String> envs = new HashMap<>();
        if (info.getEnvs() != null && info.getEnvs().containsKey(KEPT_ENV)) {
            envs.put(KEPT_ENV, info.getEnvs().get(KEPT_ENV));
        }
        stored.setEnvs(envs);
        byte[] json;
        try {
            json = new TSerializer(new TJSONProtocol.Factory()).serialize(stored);
        } catch (TException e) {
            throw new IOException("cannot encode app_info", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 4);
        out.write(ByteBuffer.allocate(4).putInt(APP_INFO_MAGIC).array());
        out.write(json);
        writeAtomically(dir.appInfoFile(), out.toByteArray());
    }

    /**
     * Reads {@code .app-info}.
     *
     * @throws IOException when it is missing, has no magic or does not decode
     */
    public static app_info readAppInfo(ReplicaDir dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.appInfoFile());
        if (bytes.length < 4 || ByteBuffer.wrap(bytes).getInt() != APP_INFO_MAGIC) {
            throw new IOException(dir.appInfoFile() + " does not start with the app-info magic");
        }
        byte[] json = new byte[bytes.length - 4];
        System.arraycopy(bytes, 4, json, 0, json.length);
        app_info info = new app_info();
        try {
            new TDeserializer(new TJSONProtocol.Factory()).deserialize(info, json);
        } catch (TException | RuntimeException e) {
            throw new IOException("cannot decode " + dir.appInfoFile(), e);
        }
        return info;
    }

    /** Writes {@code .init-info}. */
    public static void writeInitInfo(ReplicaDir dir, long initBallot, long initDurableDecree) throws IOException {
        String json = "{\"init_ballot\":" + initBallot + ",\"init_durable_decree\":" + initDurableDecree
                + ",\"init_offset_in_shared_log\":0,\"init_offset_in_private_log\":0}\n";
        writeAtomically(dir.initInfoFile(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
