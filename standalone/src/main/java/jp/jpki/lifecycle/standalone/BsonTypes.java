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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
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
    static final BasicDataType<Object> IDS = new BsonType<>(id -> new Document("v", toBson(id)),
            bson -> fromBson(bson.get("v")), BsonTypes::estimate, ValueComparator.asc(), Object[]::new,
            id -> id instanceof String string ? List.of(string) : null, strings -> strings[0]);
    static final BasicDataType<KeyValue> INDEX_KEYS = new BsonType<>(
            key -> new Document("v", key.stream().map(BsonTypes::toBson).toList()),
            bson -> new KeyValue(((List<?>) bson.get("v")).stream().map(BsonTypes::fromBson).toList()),
            key -> estimate(key.stream().toList()), BsonTypes::compareKeys, KeyValue[]::new,
            BsonTypes::stringsOnly, strings -> new KeyValue((Object[]) strings));

    /**
     * Written before a key of strings only, where the length of its BSON would be: no BSON document is empty, so a
     * reader tells the two apart, and keys written as BSON before this form existed read as they are.
     */
    private static final int STRINGS = 0;

    /** BSON cannot hold "missing"; a key that is missing is written as this marker document. */
    private static final String MISSING = "\u0000missing";

    private BsonTypes() {
    }

    /**
     * Values stored as one BSON document each, or, when {@code strings} gives a value's strings, as those strings:
     * ids and index keys are nearly always strings, and the store writes every key of a page each time it writes the
     * page, which through BSON was most of the store's own CPU once documents were kept as bytes. Ordered by
     * {@code order}, or not comparable when it is null.
     */
    private static final class BsonType<T> extends BasicDataType<T> {
        private final Function<T, Document> toBson;
        private final Function<Document, T> fromBson;
        private final ToIntFunction<T> memory;
        private final Comparator<? super T> order;
        private final IntFunction<T[]> storage;
        private final Function<T, List<String>> strings;
        private final Function<String[], T> fromStrings;

        BsonType(Function<T, Document> toBson, Function<Document, T> fromBson, ToIntFunction<T> memory,
                 Comparator<? super T> order, IntFunction<T[]> storage, Function<T, List<String>> strings,
                 Function<String[], T> fromStrings) {
            this.toBson = toBson;
            this.fromBson = fromBson;
            this.memory = memory;
            this.order = order;
            this.storage = storage;
            this.strings = strings;
            this.fromStrings = fromStrings;
        }

        @Override
        public int getMemory(T value) {
            return memory.applyAsInt(value);
        }

        @Override
        public void write(WriteBuffer buffer, T value) {
            List<String> values = strings.apply(value);
            if (values == null) {
                writeBson(buffer, toBson.apply(value));
                return;
            }
            buffer.putVarInt(STRINGS).putVarInt(values.size());
            for (String string : values) {
                buffer.putVarInt(string.length()).putStringData(string, string.length());
            }
        }

        @Override
        public T read(ByteBuffer buffer) {
            int length = DataUtils.readVarInt(buffer);
            if (length != STRINGS) {
                return fromBson.apply(readBson(buffer, length));
            }
            String[] values = new String[DataUtils.readVarInt(buffer)];
            for (int i = 0; i < values.length; i++) {
                values[i] = DataUtils.readString(buffer);
            }
            return fromStrings.apply(values);
        }

        @Override
        public int compare(T a, T b) {
            if (order == null) {
                return super.compare(a, b);
            }
            return order.compare(a, b);
        }

        @Override
        public T[] createStorage(int size) {
            return storage.apply(size);
        }
    }

    /** The key's values when every one of them is a string, else null. */
    private static List<String> stringsOnly(KeyValue key) {
        List<String> strings = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            if (!(key.get(i) instanceof String string)) {
                return null;
            }
            strings.add(string);
        }
        return strings;
    }

    /** Index keys in the order MongoDB compares them: value by value, a shorter key before its longer extensions. */
    private static int compareKeys(KeyValue a, KeyValue b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = ValueComparator.asc().compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static Object toBson(Object value) {
        return value instanceof Missing ? new Document(MISSING, true) : value;
    }

    private static Object fromBson(Object value) {
        return value instanceof Document document && document.containsKey(MISSING) ? Missing.getInstance() : value;
    }

    /** A document as BSON bytes (the server's encoder, so every value type the server handles survives). */
    static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private static void writeBson(WriteBuffer buffer, Document document) {
        byte[] bson = encode(document);
        buffer.putVarInt(bson.length);
        buffer.put(bson);
    }

    private static Document readBson(ByteBuffer buffer, int length) {
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
