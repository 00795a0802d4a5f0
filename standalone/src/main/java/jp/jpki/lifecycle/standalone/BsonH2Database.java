package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded MongoDB whose collections and indexes live in MVStore maps of {@link BsonTypes}. The
 * maps are named apart from the server's own H2 backend ({@link BsonMaps}), whose differently encoded maps an older
 * data directory may still hold until {@link BsonMaps#migrate} has copied them.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {
    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                   boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(BsonMaps.index(getFullCollectionNamespace(collectionName), indexName),
                BsonMaps.indexMapType());
        return new BsonUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                      boolean sparse) {
        return new UnbuiltIndex(indexName, keys);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new BsonCollection(this, collectionName, options, dataMap(namespace), store.openMap(BsonMaps.meta(namespace)),
                cursorRegistry);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(BsonMaps.index(collection.getFullName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        store.removeMap(BsonMaps.data(namespace));
        store.removeMap(BsonMaps.meta(namespace));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.getMapNames().stream().filter(name -> BsonMaps.belongsTo(name, databaseName)).toList()
                .forEach(store::removeMap);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String newNamespace = getFullCollectionNamespace(newCollectionName);
        store.renameMap(dataMap(collection.getFullName()), BsonMaps.data(newNamespace));
        store.renameMap(store.openMap(BsonMaps.meta(collection.getFullName())), BsonMaps.meta(newNamespace));
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    private MVMap<Object, byte[]> dataMap(String namespace) {
        return store.openMap(BsonMaps.data(namespace), BsonMaps.dataMapType());
    }
}
