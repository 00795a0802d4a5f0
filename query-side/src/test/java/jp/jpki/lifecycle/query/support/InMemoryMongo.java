package jp.jpki.lifecycle.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-process Mongo-wire server on a random port, like the embedded default (and, like it, without transactions). */
public final class InMemoryMongo implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;

    public InMemoryMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    public String connectionString() {
        return server.getConnectionString();
    }

    public MongoClient client() {
        return client;
    }

    public MongoTemplate template() {
        return new MongoTemplate(client, "jpki-test");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
