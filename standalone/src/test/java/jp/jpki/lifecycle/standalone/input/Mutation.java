package jp.jpki.lifecycle.standalone.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import jp.jpki.lifecycle.standalone.StandaloneApp;

/** Ways to break a request that a counter front-end, a bug or an attacker could send. Each is always invalid. */
enum Mutation {
    MALFORMED_JSON, NOT_JSON, WRONG_TYPE, MISSING_FIELD, NULL_FIELD, IMPOSSIBLE_DATE, OVERSIZED, UNKNOWN_ENUM, BAD_ID,
    WRONG_MEDIA_TYPE;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] DATES = {"2026-02-30", "0000-01-01", "9999-12-31", "1800-01-01", "2031-13-01",
            "yesterday", "", "+20000-01-01", "2024-1-5", "2024/01/05", "1999-12-31T00:00:00Z"};
    private static final String[] IDS = {"x", "short", "a".repeat(65), "abc$%25def12", "abc%20def%20ghi", "%00abcdefgh",
            "..%2F..%2Fadmin", "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AEID", "pair_with_underscore", "abcdefgh;drop"};

    boolean appliesTo(CounterEndpoint endpoint) {
        boolean hasBody = endpoint.validBody() != null;
        return switch (this) {
            case MALFORMED_JSON, NOT_JSON, WRONG_TYPE, WRONG_MEDIA_TYPE -> hasBody;
            case MISSING_FIELD, NULL_FIELD -> !endpoint.required().isEmpty();
            case IMPOSSIBLE_DATE -> !endpoint.dates().isEmpty();
            case UNKNOWN_ENUM -> !endpoint.enums().isEmpty();
            case OVERSIZED, BAD_ID -> true;
        };
    }

    HttpRequest request(StandaloneApp app, CounterEndpoint endpoint, String pairId, Random random) {
        String path = endpoint.path(pairId);
        String body = endpoint.validBody();
        String contentType = "application/json";
        switch (this) {
            case MALFORMED_JSON -> body = body.substring(0, 1 + random.nextInt(body.length() - 1));
            case NOT_JSON -> body = List.of("hello", "<xml/>", "kind=AUTH", "\u0000\u0001", "{{}}", "[", "'single'")
                    .get(random.nextInt(7));
            case WRONG_TYPE -> body = wrongType(StandaloneApp.json(body), random);
            case MISSING_FIELD -> body = without(StandaloneApp.json(body), pick(endpoint.required(), random));
            case NULL_FIELD -> body = withValue(StandaloneApp.json(body), pick(endpoint.required(), random), NODES.nullNode());
            case IMPOSSIBLE_DATE -> body = withValue(StandaloneApp.json(body), pick(endpoint.dates(), random),
                    NODES.textNode(DATES[random.nextInt(DATES.length)]));
            case UNKNOWN_ENUM -> body = withValue(StandaloneApp.json(body), pick(endpoint.enums(), random),
                    NODES.textNode(List.of("", "sign", "Auth", "BOTH", "none", "LOSS_", "x" + random.nextInt(1000))
                            .get(random.nextInt(7))));
            case OVERSIZED -> body = "{\"kind\":\"AUTH\",\"padding\":\"" + "x".repeat(70_000 + random.nextInt(900_000)) + "\"}";
            case BAD_ID -> {
                // A well-formed id nobody has used is a valid first issue on ISSUE and REISSUE, so only they skip it.
                String id = random.nextInt(4) == 0 && endpoint != CounterEndpoint.ISSUE && endpoint != CounterEndpoint.REISSUE
                        ? "unknown-pair-" + Long.toHexString(random.nextLong()) : IDS[random.nextInt(IDS.length)];
                if (endpoint == CounterEndpoint.ISSUE) {
                    body = withValue(StandaloneApp.json(body), "/pairId", NODES.textNode(id));
                } else {
                    path = endpoint.path(id);
                }
            }
            case WRONG_MEDIA_TYPE -> contentType = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x").get(random.nextInt(4));
        }
        HttpRequest.Builder request = app.request(StandaloneApp.CLERK, path)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return (body == null ? request : request.header("Content-Type", contentType)).build();
    }

    private static String wrongType(JsonNode body, Random random) {
        List<String> pointers = new ArrayList<>();
        collect(body, "", pointers);
        String pointer = pick(pointers, random);
        JsonNode current = body.at(pointer);
        JsonNode replacement;
        if (current.isTextual()) {
            replacement = List.<JsonNode>of(NODES.numberNode(7), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add(1)).get(random.nextInt(4));
        } else if (current.isBoolean()) {
            replacement = List.<JsonNode>of(NODES.textNode("yes"), NODES.numberNode(1), NODES.objectNode()).get(random.nextInt(3));
        } else if (current.isArray()) {
            replacement = List.<JsonNode>of(NODES.textNode("AUTH"), NODES.numberNode(2), NODES.objectNode()).get(random.nextInt(3));
        } else {
            replacement = List.<JsonNode>of(NODES.numberNode(7), NODES.textNode("object"), NODES.arrayNode()).get(random.nextInt(3));
        }
        return withValue(body, pointer, replacement);
    }

    private static void collect(JsonNode node, String pointer, List<String> into) {
        if (!pointer.isEmpty()) {
            into.add(pointer);
        }
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                collect(node.get(name), pointer + "/" + name, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    private static String without(JsonNode body, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) body.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
        return body.toString();
    }

    private static String withValue(JsonNode body, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return body.toString();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
