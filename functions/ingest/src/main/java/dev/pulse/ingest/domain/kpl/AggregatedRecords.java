package dev.pulse.ingest.domain.kpl;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPL aggregation format: magic {@code F3 89 9A C2}, a protobuf {@code AggregatedRecord}, and the MD5 of the
 * protobuf bytes. Hand-written against the KPL's {@code messages.proto} (fields 1 partition_key_table, 2
 * explicit_hash_key_table, 3 records; a record has 1 partition_key_index, 2 explicit_hash_key_index, 3 data, 4 tags),
 * so no generated code or KPL dependency is needed.
 */
public final class AggregatedRecords {
    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    static final int DIGEST_BYTES = 16;
    /** Bytes the container adds around the protobuf message. */
    public static final int OVERHEAD = MAGIC.length + DIGEST_BYTES;

    private static final int TABLE_PARTITION_KEYS = 1;
    private static final int TABLE_HASH_KEYS = 2;
    private static final int RECORDS = 3;
    private static final int RECORD_PARTITION_KEY_INDEX = 1;
    private static final int RECORD_DATA = 3;

    private AggregatedRecords() {}

    /** True when the bytes carry the magic prefix and are long enough to be an aggregate. */
    public static boolean isAggregated(byte[] bytes) {
        return bytes.length > OVERHEAD && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Encodes user records, sharing one partition-key table entry per distinct key. */
    public static byte[] encode(List<UserRecord> records) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (UserRecord record : records) {
            keys.putIfAbsent(record.partitionKey(), keys.size());
        }
        try {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(message);
            for (String key : keys.keySet()) {
                out.writeString(TABLE_PARTITION_KEYS, key);
            }
            for (UserRecord record : records) {
                int index = keys.get(record.partitionKey());
                out.writeTag(RECORDS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(recordSize(index, record.data()));
                out.writeUInt64(RECORD_PARTITION_KEY_INDEX, index);
                out.writeByteArray(RECORD_DATA, record.data());
            }
            out.flush();
            byte[] body = message.toByteArray();
            byte[] result = new byte[OVERHEAD + body.length];
            System.arraycopy(MAGIC, 0, result, 0, MAGIC.length);
            System.arraycopy(body, 0, result, MAGIC.length, body.length);
            System.arraycopy(md5(body, 0, body.length), 0, result, MAGIC.length + body.length, DIGEST_BYTES);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes an aggregate. Plain records (no magic) come back as one user record with the given partition key, as the
     * KPL's own de-aggregator does.
     *
     * @throws CorruptAggregateException when the digest does not match, the protobuf is malformed, or it holds no record
     */
    public static List<UserRecord> decode(byte[] bytes, String partitionKey) {
        if (!isAggregated(bytes)) {
            return List.of(new UserRecord(partitionKey, bytes));
        }
        int bodyLength = bytes.length - OVERHEAD;
        byte[] expected = md5(bytes, MAGIC.length, bodyLength);
        if (!Arrays.equals(expected, 0, DIGEST_BYTES, bytes, bytes.length - DIGEST_BYTES, bytes.length)) {
            throw new CorruptAggregateException("aggregated record digest mismatch");
        }
        try {
            return parse(CodedInputStream.newInstance(bytes, MAGIC.length, bodyLength));
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new CorruptAggregateException("aggregated record is not a valid AggregatedRecord: " + e.getMessage());
        }
    }

    /** Size in bytes a record adds to an aggregate, for byte budgets. */
    public static int sizeOf(int partitionKeyIndex, byte[] data) {
        int inner = recordSize(partitionKeyIndex, data);
        return CodedOutputStream.computeTagSize(RECORDS) + CodedOutputStream.computeUInt32SizeNoTag(inner) + inner;
    }

    /** Size in bytes a new partition-key table entry adds. */
    public static int sizeOfKey(String partitionKey) {
        return CodedOutputStream.computeStringSize(TABLE_PARTITION_KEYS, partitionKey);
    }

    private static int recordSize(int index, byte[] data) {
        return CodedOutputStream.computeUInt64Size(RECORD_PARTITION_KEY_INDEX, index)
                + CodedOutputStream.computeByteArraySize(RECORD_DATA, data);
    }

    private static List<UserRecord> parse(CodedInputStream in) throws IOException {
        List<String> keys = new ArrayList<>();
        List<long[]> indexes = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case TABLE_PARTITION_KEYS -> keys.add(in.readStringRequireUtf8());
                case TABLE_HASH_KEYS -> in.skipField(tag);
                case RECORDS -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    long[] index = {-1};
                    byte[] data = null;
                    for (int inner = in.readTag(); inner != 0; inner = in.readTag()) {
                        switch (WireFormat.getTagFieldNumber(inner)) {
                            case RECORD_PARTITION_KEY_INDEX -> index[0] = in.readUInt64();
                            case RECORD_DATA -> data = in.readByteArray();
                            default -> in.skipField(inner);
                        }
                    }
                    in.popLimit(limit);
                    if (index[0] < 0 || data == null) {
                        throw new CorruptAggregateException("aggregated sub-record lacks its key index or data");
                    }
                    indexes.add(index);
                    payloads.add(data);
                }
                default -> in.skipField(tag);
            }
        }
        if (payloads.isEmpty()) {
            // the KPL never sends an empty aggregate; reading it as nothing would lose the record without a trace
            throw new CorruptAggregateException("aggregated record holds no user records");
        }
        List<UserRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            long index = indexes.get(i)[0];
            if (index >= keys.size()) {
                throw new CorruptAggregateException("partition key index " + index + " out of range");
            }
            records.add(new UserRecord(keys.get((int) index), payloads.get(i)));
        }
        return records;
    }

    private static byte[] md5(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(bytes, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
