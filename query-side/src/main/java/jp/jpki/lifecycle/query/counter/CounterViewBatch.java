package jp.jpki.lifecycle.query.counter;

import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The counter views one batch of events changes: the views of every pair in the batch are read in one query,
 * changed in memory event by event, and written back with their lookup entries in two bulk writes.
 */
final class CounterViewBatch implements ProjectionBatch.Pending {
    private final MongoTemplate mongo;
    private final CounterLookups lookups;
    /** Views of the batch's pairs as the batch has them so far (new ones for pairs not stored yet), with the lookup keys each had before. */
    private final Map<String, CounterViewDocument> views = new HashMap<>();
    private final Map<String, Set<String>> keysBefore = new HashMap<>();
    private final Map<String, CounterViewDocument> changed = new LinkedHashMap<>();

    CounterViewBatch(MongoTemplate mongo, CounterLookups lookups, List<? extends EventMessage<?>> events) {
        this.mongo = mongo;
        this.lookups = lookups;
        List<String> pairIds = ProjectionBatch.pairIds(events);
        if (!pairIds.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(pairIds)), CounterViewDocument.class).forEach(this::loaded);
            pairIds.stream().filter(pairId -> !views.containsKey(pairId))
                    .forEach(pairId -> loaded(new CounterViewDocument(pairId)));
        }
    }

    /**
     * Applies one event to a pair unless its sequence number was applied before. The guard and the change travel
     * in one document replace, so no transaction is needed for at-least-once delivery to be safe.
     */
    void update(String pairId, long sequence, LastOperationEntry operation, Consumer<CounterViewDocument> change) {
        CounterViewDocument view = views.containsKey(pairId) ? views.get(pairId) : fetch(pairId);
        if (view.hasApplied(sequence)) {
            return;
        }
        change.accept(view);
        view.applied(sequence, operation);
        changed.put(pairId, view);
    }

    /** Lookups first: a crash between the two writes leaves them a superset, and the batch is delivered again. */
    @Override
    public void flush() {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> entries = new ArrayList<>();
        changed.forEach((pairId, view) -> entries.addAll(
                CounterLookups.changes(pairId, keysBefore.get(pairId), CounterLookups.keysOf(view))));
        lookups.write(entries);
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CounterViewDocument.class);
        changed.forEach((pairId, view) -> writes.replaceOne(Query.query(Criteria.where("_id").is(pairId)), view,
                FindAndReplaceOptions.options().upsert()));
        writes.execute();
    }

    private CounterViewDocument fetch(String pairId) {
        CounterViewDocument view = mongo.findById(pairId, CounterViewDocument.class);
        return loaded(view != null ? view : new CounterViewDocument(pairId));
    }

    private CounterViewDocument loaded(CounterViewDocument view) {
        views.put(view.pairId(), view);
        keysBefore.put(view.pairId(), CounterLookups.keysOf(view));
        return view;
    }
}
