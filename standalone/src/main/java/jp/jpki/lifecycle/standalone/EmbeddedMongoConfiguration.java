package jp.jpki.lifecycle.standalone;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An in-process MongoDB-wire server whose data lives in an H2 MVStore file, so projections, tracking
 * tokens and sagas survive a restart without any external server. It has no multi-document
 * transactions: projections guard themselves against redelivery (at-least-once).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedStoresProperties.class)
public class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedStoresProperties properties) {
        Path file = properties.dataDir().resolve("mongo").resolve("projections.mv");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        server.bind("127.0.0.1", properties.mongoPort());
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort());
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(uri).build());
    }

    /**
     * Replaces Spring Boot's Mongo health check, which asks for the {@code hello} command the embedded server
     * does not know; {@code ping} tells the same thing: the projections' store answers.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient mongoClient, EmbeddedStoresProperties properties) {
        return () -> {
            try {
                mongoClient.getDatabase(properties.database()).runCommand(new Document("ping", 1));
                return Health.up().withDetail("server", "embedded").build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
