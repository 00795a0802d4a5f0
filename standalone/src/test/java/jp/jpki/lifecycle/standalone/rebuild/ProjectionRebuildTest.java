package jp.jpki.lifecycle.standalone.rebuild;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every read model can be thrown away and replayed from the event store, and comes back the same. */
class ProjectionRebuildTest {

    private static final Map<String, String> COLLECTIONS = Map.of("counter-view", "counter_view",
            "statistics", "statistics_days", "revocation-status", "revocation_status", "audit-trail", "audit_trail");

    @TempDir
    Path dataDir;

    @Test
    void each_projection_rebuilds_to_the_same_documents() {
        try (StandaloneApp app = StandaloneApp.start(dataDir)) {
            for (int i = 1; i <= 4; i++) {
                app.issueAndAwait("rebuild-pair-000" + i);
            }
            assertThat(app.post(CLERK, "/api/certificate-pairs/rebuild-pair-0001/pin-locks", "{\"kind\":\"AUTH\"}").statusCode()).isEqualTo(200);
            assertThat(app.post(CLERK, "/api/certificate-pairs/rebuild-pair-0002/revocations",
                    "{\"kinds\":[\"AUTH\"],\"cause\":\"LOSS\"}").statusCode()).isEqualTo(200);
            caughtUp(app);

            MongoDatabase database = app.bean(MongoClient.class).getDatabase("jpki");
            Map<String, List<String>> before = snapshot(database);
            assertThat(before.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());

            for (String projection : COLLECTIONS.keySet()) {
                HttpResponse<String> started = app.send(app.request(SUPERVISOR, "/api/admin/projections/" + projection + "/rebuild")
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            }
            assertThat(app.send(app.request(CLERK, "/api/admin/projections/counter-view/rebuild")
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).as("supervisors only").isEqualTo(403);
            assertThat(app.send(app.request(SUPERVISOR, "/api/admin/projections/sagas/rebuild")
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).as("sagas are not replayed").isEqualTo(404);
            caughtUp(app);

            assertThat(snapshot(database)).isEqualTo(before);
            assertThat(app.get(SUPERVISOR, "/actuator/prometheus").body()).contains("jpki_projection_lag{processor=\"counter-view\"}");
        }
    }

    private static void caughtUp(StandaloneApp app) {
        app.await(SUPERVISOR, "/api/admin/projections", reports -> {
            for (JsonNode report : reports) {
                JsonNode progress = report.path("progress");
                if (progress.path("position").asLong() < progress.path("head").asLong()) {
                    return false;
                }
            }
            return reports.size() == COLLECTIONS.size() && revocationStatusServes(app);
        }, "all projections caught up", Duration.ofSeconds(60));
    }

    /** Revocation statuses rebuild aside and serve once complete (R-REV-7): wait for that switch too. */
    private static boolean revocationStatusServes(StandaloneApp app) {
        Document generation = generation(app.bean(MongoClient.class).getDatabase("jpki"));
        return generation != null && generation.getBoolean("complete", false) && generation.get("building") == null;
    }

    private static Document generation(MongoDatabase database) {
        return database.getCollection("revocation_counters").find(new Document("_id", "generation")).first();
    }

    private static Map<String, List<String>> snapshot(MongoDatabase database) {
        Map<String, List<String>> documents = new TreeMap<>();
        COLLECTIONS.values().forEach(name -> {
            List<String> json = new ArrayList<>();
            String collection = name.equals("revocation_status") ? generation(database).getString("serving") : name;
            for (Document document : database.getCollection(collection).find().sort(new Document("_id", 1))) {
                json.add(CanonicalJson.of(CanonicalJson.parse(document.toJson()))); // field order means nothing
            }
            documents.put(name, json);
        });
        return documents;
    }
}
