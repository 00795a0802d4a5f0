package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the embedded MongoDB's file store holds its maps: documents as BSON, and ids and index keys as BSON ordered
 * the way MongoDB compares values. The server's own H2 maps use H2's generic object type, which Java-serializes
 * documents and, because an index key is not {@link Comparable}, serializes both keys of every comparison in a
 * B-tree search: two thirds of the embedded server's time in the rebuild profile.
 */
final class BsonTypes {
    static final BasicDataType<Document> DOCUMENTS = new DocumentType();
    static final BasicDataType<Object> IDS = new IdType();
    static final BasicDataType<KeyValue> INDEX_KEYS = new IndexKeyType();

    private static final ValueComparator ORDER = ValueComparator.asc();
    /** BSON cannot hold "missing"; a key that is missing is written as this marker document. */
    private static final String MISSING = "\u0000missing";

    private BsonTypes() {
    }

    private static final class DocumentType extends BasicDataType<Document> {
        @Override
        public int getMemory(Document document) {
            return estimate(document);
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            writeBson(buffer, document);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            return readBson(buffer);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    private static final class IdType extends BasicDataType<Object> {
        @Override
        public int getMemory(Object id) {
            return estimate(id);
        }

        @Override
        public void write(WriteBuffer buffer, Object id) {
            writeBson(buffer, new Document("v", toBson(id)));
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return fromBson(readBson(buffer).get("v"));
        }

        @Override
        public int compare(Object a, Object b) {
            return ORDER.compare(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    private static final class IndexKeyType extends BasicDataType<KeyValue> {
        @Override
        public int getMemory(KeyValue key) {
            return estimate(key.stream().toList());
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            writeBson(buffer, new Document("v", key.stream().map(BsonTypes::toBson).toList()));
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            List<?> values = (List<?>) readBson(buffer).get("v");
            return new KeyValue(values.stream().map(BsonTypes::fromBson).toList());
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int order = ORDER.compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    private static Object toBson(Object value) {
        return value instanceof Missing ? new Document(MISSING, true) : value;
    }

    private static Object fromBson(Object value) {
        return value instanceof Document document && document.containsKey(MISSING) ? Missing.getInstance() : value;
    }

    private static void writeBson(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.putVarInt(bson.readableBytes());
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    private static Document readBson(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** A rough size in memory, which the store uses to size its pages and cache; it must be cheap, not exact. */
    private static int estimate(Object value) {
        if (value instanceof String string) {
            return 40 + 2 * string.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
