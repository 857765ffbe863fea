package io.enif.test.minicluster;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.storage.PartitionStore;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of the live user records of one partition store — every key, value and expiry time, in key order — read
 * with a full scanner (so expired records and Enif's internal keys, which live in their own column family, are left
 * out). Two replicas of a partition that applied the same writes have the same digest.
 *
 * @param records how many records were read
 * @param sha256 the SHA-256 of the records, in hex
 */
public record StoreDigest(long records, String sha256) {
    private static final int BATCH = 1000;

    /** Scans {@code store} from the first key to the last. */
    public static StoreDigest of(PartitionStore store) {
        MessageDigest sha = newSha256();
        get_scanner_request request = new get_scanner_request();
        request.setStart_key(new blob(new byte[] {0, 0}));
        request.setStop_key(new blob(new byte[] {(byte) 0xff, (byte) 0xff}));
        request.setStart_inclusive(true);
        request.setStop_inclusive(false);
        request.setBatch_size(BATCH);
        request.setReturn_expire_ts(true);
        request.setFull_scan(true);
        long records = 0;
        scan_response page = store.getScanner(request);
        while (true) {
            if (page.getError() != 0) {
                throw new IllegalStateException("scan of " + store.gpid() + " failed with " + page.getError());
            }
            for (key_value kv : page.getKvs()) {
                update(sha, kv.getKey().data());
                update(sha, kv.getValue().data());
                sha.update(
                        ByteBuffer.allocate(4).putInt(kv.getExpire_ts_seconds()).array());
                records++;
            }
            if (page.getContext_id() < 0) {
                return new StoreDigest(records, HexFormat.of().formatHex(sha.digest()));
            }
            page = store.scan(new scan_request(page.getContext_id()));
        }
    }

    private static void update(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
