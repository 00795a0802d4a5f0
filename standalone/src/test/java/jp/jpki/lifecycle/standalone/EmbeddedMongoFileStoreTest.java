package jp.jpki.lifecycle.standalone;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.function.Function;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB's file store in BSON: documents of every type come back as written after a restart, ids and
 * unique indexes keep working, concurrent updates leave no document half written, and data directories written by
 * the server's own H2 backend or by the earlier document type of ours are carried over.
 */
class EmbeddedMongoFileStoreTest {

    @TempDir
    Path dir;

    private final ObjectId objectId = new ObjectId();
    private final Document nested = new Document("_id", "pair-1").append("count", 3L).append("small", 7)
            .append("ratio", 0.5).append("at", Date.from(Instant.parse("2026-12-03T00:00:00Z")))
            .append("tags", List.of("a", "b")).append("inner", new Document("x", new Document("y", List.of(1, 2))))
            .append("bytes", new Binary(new byte[] {1, 2, 3})).append("nothing", null).append("flag", true);

    @Test
    void documents_of_every_type_ids_and_unique_indexes_survive_a_restart() {
        String file = dir.resolve("store.mv").toString();
        with(new DurableH2Backend(file), this::writeSamples);

        with(new DurableH2Backend(file), this::assertSamples);
    }

    @Test
    void a_store_written_by_the_server_own_h2_backend_is_carried_over() {
        String file = dir.resolve("older.mv").toString();
        with(new H2Backend(file), this::writeSamples);

        with(new DurableH2Backend(file), this::assertSamples);
        with(new DurableH2Backend(file), this::assertSamples);
    }

    @Test
    void a_store_written_in_the_earlier_forms_of_ours_reads_as_it_is() {
        String file = dir.resolve("earlier.mv").toString();
        with(new DurableH2Backend(file), this::writeSamples);
        rewriteInEarlierForms(file);

        with(new DurableH2Backend(file), this::assertSamples);
        with(new DurableH2Backend(file), this::assertSamples);
    }

    /** Every map again as the store wrote it before it kept documents as bytes and string keys as strings. */
    private static void rewriteInEarlierForms(String file) {
        MVStore store = MVStore.open(file);
        try {
            for (String name : store.getMapNames().stream().filter(name -> name.startsWith("bson.")).toList()) {
                if (name.startsWith("bson.databases.")) {
                    MVMap<Object, byte[]> current = store.openMap(name, BsonMaps.dataMapType());
                    Map<Object, de.bwaldvogel.mongo.bson.Document> documents = new HashMap<>();
                    current.forEach((id, bson) -> documents.put(id, BsonTypes.decode(bson)));
                    store.removeMap(current);
                    store.openMap(name, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .keyType(new AsBson<>(id -> id, v -> v, ValueComparator.asc()))
                            .valueType(new AsBson<>(d -> d, d -> d, null))).putAll(documents);
                } else {
                    MVMap<KeyValue, Object> current = store.openMap(name, BsonMaps.indexMapType());
                    Map<KeyValue, Object> entries = new HashMap<>(current);
                    store.removeMap(current);
                    store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new AsBson<KeyValue>(
                            key -> key.stream().toList(), v -> new KeyValue((List<?>) v),
                            Comparator.comparing((KeyValue key) -> key.get(0), ValueComparator.asc())))).putAll(entries);
                }
            }
        } finally {
            store.close();
        }
    }

    /** The earlier form of every value: a document {@code {v: value}} (or the document itself), as length and BSON. */
    private static final class AsBson<T> extends BasicDataType<T> {
        private final Function<T, Object> toValue;
        private final Function<Object, T> fromValue;
        private final Comparator<Object> order;

        @SuppressWarnings("unchecked")
        AsBson(Function<T, Object> toValue, Function<Object, T> fromValue, Comparator<?> order) {
            this.toValue = toValue;
            this.fromValue = fromValue;
            this.order = (Comparator<Object>) order;
        }

        @Override
        public int getMemory(T value) {
            return 1_000;
        }

        @Override
        public void write(WriteBuffer buffer, T value) {
            Object bson = toValue.apply(value);
            byte[] bytes = BsonTypes.encode(bson instanceof de.bwaldvogel.mongo.bson.Document document && order == null
                    ? document : new de.bwaldvogel.mongo.bson.Document("v", bson));
            buffer.putVarInt(bytes.length).put(bytes);
        }

        @Override
        public T read(ByteBuffer buffer) {
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            de.bwaldvogel.mongo.bson.Document bson = BsonTypes.decode(bytes);
            return fromValue.apply(order == null ? bson : bson.get("v"));
        }

        @Override
        public int compare(T a, T b) {
            return order == null ? super.compare(a, b) : order.compare(a, b);
        }

        @SuppressWarnings("unchecked")
        @Override
        public T[] createStorage(int size) {
            return (T[]) new Object[size];
        }
    }

    @Test
    void a_start_does_not_read_the_documents_of_a_collection_with_a_non_unique_index() {
        String file = dir.resolve("indexed.mv").toString();
        with(new DurableH2Backend(file), client -> {
            writeSamples(client);
            client.getDatabase("jpki").getCollection("views").createIndex(Indexes.ascending("tags"));
        });
        MVStore store = MVStore.open(file);
        store.openMap(BsonMaps.data("jpki.views"), BsonMaps.dataMapType()).put("pair-1499", new byte[] {1, 2, 3});
        store.close();

        with(new DurableH2Backend(file), client -> assertThat(client.getDatabase("jpki").getCollection("views")
                .find(eq("_id", "pair-1")).first()).as("started without decoding the unreadable document").isEqualTo(nested));
    }

    @Test
    void a_dropped_collection_is_gone_and_can_be_made_again() {
        String file = dir.resolve("drop.mv").toString();
        with(new DurableH2Backend(file), client -> {
            writeSamples(client);
            client.getDatabase("jpki").getCollection("views").drop();
            assertThat(client.getDatabase("jpki").getCollection("views").countDocuments()).isZero();
            client.getDatabase("jpki").getCollection("views").insertOne(new Document("_id", "again"));
        });
        with(new DurableH2Backend(file), client ->
                assertThat(client.getDatabase("jpki").getCollection("views").find().into(new ArrayList<>()))
                        .extracting(d -> d.get("_id")).containsExactly("again"));
    }

    @Test
    void documents_that_gain_and_lose_fields_under_concurrent_updates_are_stored_intact() {
        String file = dir.resolve("busy.mv").toString();
        with(new DurableH2Backend(file), client -> {
            // a read model: its writes are left to the store's background writer, which races with the updates
            MongoCollection<Document> docs = client.getDatabase("jpki").getCollection("counter_view");
            for (int i = 0; i < 20; i++) {
                docs.insertOne(new Document("_id", "doc-" + i).append("n", 0));
            }
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int round = 0; round < 3000; round++) {
                        String id = "doc-" + ((round * 7 + writer) % 20);
                        docs.updateOne(eq("_id", id), round % 2 == 0
                                ? Updates.combine(Updates.inc("n", 1), Updates.set("extra" + writer, "x".repeat(200)))
                                : Updates.combine(Updates.inc("n", 1), Updates.unset("extra" + writer)));
                    }
                }));
            }
            try {
                for (Future<?> writer : done) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                writers.shutdownNow();
            }
        });
        with(new DurableH2Backend(file), client -> assertThat(client.getDatabase("jpki").getCollection("counter_view").find()
                .into(new ArrayList<>()).stream().mapToInt(d -> d.getInteger("n")).sum()).isEqualTo(12000));
    }

    private void writeSamples(MongoClient client) {
        MongoCollection<Document> views = client.getDatabase("jpki").getCollection("views");
        views.insertOne(nested);
        for (int i = 0; i < 500; i++) {
            views.insertOne(new Document("_id", "pair-" + (1000 + i)).append("ref", "R-" + i));
        }
        views.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
        MongoCollection<Document> rows = client.getDatabase("jpki").getCollection("rows");
        rows.insertOne(new Document("_id", new Document("day", "2026-12-03").append("office", "o-1")).append("count", 1L));
        rows.insertOne(new Document("_id", objectId).append("count", 2L));
        rows.insertOne(new Document("_id", 42L).append("count", 3L));
    }

    private void assertSamples(MongoClient client) {
        MongoCollection<Document> views = client.getDatabase("jpki").getCollection("views");
        assertThat(views.find(eq("_id", "pair-1")).first()).isEqualTo(nested);
        assertThat(views.countDocuments()).isEqualTo(501);
        assertThat(views.find(in("_id", "pair-1200", "pair-1499", "pair-9")).into(new ArrayList<>()))
                .extracting(d -> d.get("ref")).containsExactlyInAnyOrder("R-200", "R-499");
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "pair-1")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "pair-x").append("ref", "R-7")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        MongoCollection<Document> rows = client.getDatabase("jpki").getCollection("rows");
        assertThat(rows.find(eq("_id", new Document("day", "2026-12-03").append("office", "o-1"))).first())
                .containsEntry("count", 1L);
        assertThat(rows.find(eq("_id", objectId)).first()).containsEntry("count", 2L);
        assertThat(rows.find(eq("_id", 42)).first()).as("ids compare as MongoDB compares numbers").containsEntry("count", 3L);
    }

    private static void with(MongoBackend backend, Consumer<MongoClient> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.accept(client);
        } finally {
            server.shutdownNow();
        }
    }
}
