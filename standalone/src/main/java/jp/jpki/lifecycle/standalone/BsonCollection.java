package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded MongoDB that hands out copies of its stored documents. The server updates the
 * document a query returned in place (adding and removing its fields) before storing it again, but the store keeps
 * that very object in a page that its background writer may be serializing at the same moment: the write failed
 * with a ConcurrentModificationException and closed the store. With copies, a stored document is never changed.
 */
final class BsonCollection extends H2Collection {

    BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        List<Document> copies = new ArrayList<>(matchedDocuments.size());
        matchedDocuments.forEach(document -> copies.add(document.cloneDeeply()));
        return super.createQueryResult(copies, batchSize);
    }
}
