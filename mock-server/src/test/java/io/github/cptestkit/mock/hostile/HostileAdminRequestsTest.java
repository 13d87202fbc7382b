package io.github.cptestkit.mock.hostile;

import static io.github.cptestkit.mock.hostile.HostileBodies.utf8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.JobDocument;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to the admin API under {@code /__admin/codepipeline/}, over 2,500 a run from a fixed seed
 * ({@link Fuzz}): malformed bodies, every member of every route's body (job documents included, to any depth)
 * replaced by a value of another type, out of range, huge or nested 5,000 deep, unknown routes, methods and paths,
 * other content types and compressed or oversized bodies. Each answer is the admin API's JSON error (4xx,
 * {@code __type} also in {@code x-amzn-ErrorType}) without a stack trace, and a correct request still works.
 */
class HostileAdminRequestsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HostileTally TALLY = new HostileTally();
    static final String BASE = "/__admin/codepipeline/";
    /** Each POST route with a body it accepts. */
    static final Map<String, String> VALID = new LinkedHashMap<>();

    static {
        VALID.put("jobs", "{\"preset\": \"minimal\", \"kind\": \"custom\", \"count\": 1, \"actionTypeId\":"
                + " {\"category\": \"Build\", \"provider\": \"Fuzz\", \"version\": \"1\"}}");
        VALID.put("jobs ", "{\"job\": " + new JobDocument.ThirdParty(FakeJobs.withSeed(7).thirdParty().build())
                .toJson() + "}");
        VALID.put("clients", "{\"clientId\": \"" + SchemaViolations.JOB_ID + "\", \"clientToken\": \"token\"}");
        VALID.put("action-types", "{\"actionTypeId\": {\"category\": \"Deploy\", \"owner\": \"Custom\", \"provider\":"
                + " \"Fuzz\", \"version\": \"1\"}, \"jobTimeoutSeconds\": 600, \"queryableProperty\": \"Stage\"}");
        VALID.put("faults", "{\"operation\": \"PollForJobs\", \"times\": 1, \"error\": \"ThrottlingException\","
                + " \"message\": \"slow down\"}");
        VALID.put("clock/advance", "{\"seconds\": 5}");
    }

    static CodePipelineMock mock;
    static RawHttp http;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))).build().start();
        http = new RawHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        System.out.println(TALLY.report("admin API"));
        mock.stop();
    }

    /** A correct request still works; the mock is put back for the next property. */
    @AfterEach
    void aCorrectRequestIsStillServed() {
        RawHttp.Answer clock = http.send("GET", BASE + "clock", Map.of(), null);
        assertThat(clock.status()).as(clock.text()).isEqualTo(200);
        assertThat(HostileAnswers.jsonBody(clock).path("now").asText()).startsWith("20");
        assertThat(http.send("POST", BASE + "reset", Map.of(), new byte[0]).status()).isEqualTo(200);
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void malformedBodiesAreSerializationExceptions() {
        Fuzz.run("admin malformed bodies", 800, random -> {
            String route = Fuzz.pick(random, VALID.keySet().toArray(String[]::new)).trim();
            HostileBodies.Hostile body = HostileBodies.malformedBody(random);
            JsonNode error = refused(http.send("POST", BASE + route, Map.of("Content-Type", "application/json"),
                    body.bytes()), route + " " + body.describe());
            assertThat(error.path("__type").asText()).as(body.describe())
                    .isIn("SerializationException", "ValidationException");
        });
    }

    @Test
    void everyMemberBrokenIsRefusedNamingIt() {
        Fuzz.run("admin broken members", 900, random -> {
            List<String> routes = new ArrayList<>(VALID.keySet());
            String route = routes.get(random.nextInt(routes.size()));
            JsonNode body = read(VALID.get(route));
            List<List<String>> paths = new ArrayList<>();
            members(body, new ArrayList<>(), paths);
            List<String> path = paths.get(random.nextInt(paths.size()));
            JsonNode original = at(body, path);
            replace(body, path, hostileValue(random, original));
            String describe = HostileAnswers.shorten(route.trim() + " with " + String.join(".", path) + " broken: "
                    + body);

            RawHttp.Answer answer = http.send("POST", BASE + route.trim(), Map.of(), utf8(body.toString()));

            if (answer.status() == 200) {
                // A value the member allows after all (a long session token, a one-character property name).
                HostileAnswers.noStackTrace(answer, describe);
                assertThat(HostileAnswers.jsonBody(answer).isObject()).as(describe).isTrue();
                TALLY.count("accepted 200");
                return;
            }
            JsonNode error = refused(answer, describe);
            assertThat(error.path("__type").asText()).as(describe)
                    .isIn("ValidationException", "SerializationException");
        });
    }

    @Test
    void unknownRoutesMethodsAndPathsAreUnknownOperationOrNotFound() {
        Fuzz.run("admin routes", 500, random -> {
            String method = Fuzz.pick(random, "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
            String path = switch (random.nextInt(5)) {
                case 0 -> BASE + hostilePath(random);
                case 1 -> BASE + "jobs/" + hostileSegment(random);
                case 2 -> BASE + "jobs/" + hostileSegment(random) + "/artifacts/" + hostileSegment(random)
                        + "?format=" + hostileSegment(random);
                case 3 -> BASE + "jobs/" + hostileSegment(random) + "/" + hostilePath(random);
                default -> "/__admin/codepipeline" + Fuzz.pick(random, "", "/", "//", "/jobs/", "/clock/advance/x");
            };
            RawHttp.Answer answer = http.send(method, path, Map.of(), "GET".equals(method) || "HEAD".equals(method)
                    || "OPTIONS".equals(method) ? null : utf8("{}"));
            String describe = method + " " + path;
            if ("HEAD".equals(method)) {
                HostileAnswers.noStackTrace(answer, describe);
                assertThat(answer.status()).as(describe).isBetween(400, 499);
                assertThat(answer.header("x-amzn-ErrorType")).as(describe).isNotBlank();
                TALLY.count(answer.status() + " " + answer.header("x-amzn-ErrorType"));
                return;
            }
            if (answer.status() == 200) {
                // A real route reached through a hostile spelling ("//jobs", "/jobs/"): an answer, not an error.
                assertThat(answer.header("Content-Type")).as(describe).startsWith("application/json");
                TALLY.count("accepted 200");
                return;
            }
            JsonNode error = refused(answer, describe);
            assertThat(error.path("__type").asText()).as(describe).isIn("UnknownOperationException",
                    "JobNotFoundException", "ArtifactNotFoundException", "ValidationException");
        });
    }

    @Test
    void compressedUnreadableAndOtherlyTypedBodiesAreRefusedInJson() {
        Fuzz.run("admin content types and encodings", 300, random -> {
            String route = Fuzz.pick(random, "clients", "faults", "action-types", "clock/advance");
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", HostileBodies.contentType(random));
            byte[] body;
            if (random.nextBoolean()) {
                headers.put("Content-Encoding", Fuzz.pick(random, "gzip", "deflate", "br", "x-gzip"));
                body = HostileBodies.gzip(utf8(VALID.get(route)));
            } else {
                body = random.nextBoolean() ? HostileBodies.GZIP_BOMB
                        : utf8("{\"percent\": \"100% %zz %\", \"count\": \"x\"}");
            }
            String describe = route + " " + headers;
            JsonNode error = refused(http.send("POST", BASE + route, headers, body), describe);
            assertThat(error.path("__type").asText()).as(describe)
                    .isIn("SerializationException", "ValidationException");
        });
    }

    @Test
    void aBodyOverSixtyFourMebibytesIsRequestEntityTooLarge() {
        RawHttp.Answer answer = http.sendRaw("POST " + BASE + "jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                + " application/json\r\nContent-Length: " + ((64L << 20) + 1) + "\r\nExpect: 100-continue\r\n"
                + "Connection: close\r\n\r\n", new byte[0]);

        JsonNode error = refused(answer, "a 64 MiB job list");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(error.path("__type").asText()).isEqualTo("RequestEntityTooLargeException");
    }

    // ---------------------------------------------------------------- generators

    /** A value the member cannot take: another JSON type, out of range, huge, or deeply nested. */
    static JsonNode hostileValue(Random random, JsonNode original) {
        List<String> candidates = new ArrayList<>(List.of("1e400", "-1", BigInteger.TWO.pow(1000).toString(),
                "\"" + "x".repeat(100_000) + "\"", "[".repeat(5_000) + "]".repeat(5_000), "\"\\uD800\"", "[]"));
        if (!original.isTextual()) {
            candidates.add("\"text\"");
        }
        if (!original.isNumber()) {
            candidates.add("12");
        }
        if (!original.isBoolean()) {
            candidates.add("true");
        }
        if (!original.isObject()) {
            candidates.add("{\"a\": 1}");
        }
        String chosen = candidates.get(random.nextInt(candidates.size()));
        try {
            return JSON.readTree(chosen);
        } catch (IOException nestedTooDeep) {
            return JSON.getNodeFactory().textNode("[".repeat(999));
        }
    }

    static String hostilePath(Random random) {
        List<String> segments = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            segments.add(hostileSegment(random));
        }
        return String.join("/", segments);
    }

    /** A path segment: printable characters, percent-encoded bytes, or a very long run; never "." or "..". */
    static String hostileSegment(Random random) {
        String segment = switch (random.nextInt(4)) {
            case 0 -> Fuzz.text(random, 1 + random.nextInt(40), 'a', 'z');
            case 1 -> percentEncoded(random);
            case 2 -> "x".repeat(1 + random.nextInt(6_000));
            default -> Fuzz.pick(random, "jobs", "clock", "reset", "faults", "%2F", "%25", "%0A", "~", "-", "_");
        };
        return segment.replace(".", "_");
    }

    static String percentEncoded(Random random) {
        StringBuilder encoded = new StringBuilder();
        for (int i = random.nextInt(30); i >= 0; i--) {
            encoded.append('%').append(String.format("%02X", 1 + random.nextInt(255))); // NUL: see the regression test
        }
        return encoded.toString();
    }

    // ---------------------------------------------------------------- plumbing

    static JsonNode refused(RawHttp.Answer answer, String request) {
        JsonNode error = HostileAnswers.adminError(answer, request);
        TALLY.count(answer.status() + " " + error.path("__type").asText());
        return error;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every member path of a document, objects and arrays included. */
    static void members(JsonNode node, List<String> path, List<List<String>> out) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                List<String> member = new ArrayList<>(path);
                member.add(names.next());
                out.add(member);
                members(node.get(member.get(member.size() - 1)), member, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<String> item = new ArrayList<>(path);
                item.add(Integer.toString(i));
                out.add(item);
                members(node.get(i), item, out);
            }
        }
    }

    static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String step : path) {
            node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    static void replace(JsonNode root, List<String> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
