package io.github.cptestkit.mock.hostile;

import static io.github.cptestkit.mock.hostile.HostileBodies.GZIP_BOMB;
import static io.github.cptestkit.mock.hostile.HostileBodies.contentType;
import static io.github.cptestkit.mock.hostile.HostileBodies.gzip;
import static io.github.cptestkit.mock.hostile.HostileBodies.hugeNumber;
import static io.github.cptestkit.mock.hostile.HostileBodies.malformedBody;
import static io.github.cptestkit.mock.hostile.HostileBodies.utf8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to the CodePipeline side, over 6,100 a run from a fixed seed ({@link Fuzz}): random bytes, invalid UTF-8, JSON nested
 * 20,000 deep, strings of up to 400,000 characters and numbers such as 1e400 or 2^1000, every constraint of every
 * member's schema broken (alone and in pairs), wrong JSON types, unknown and missing targets, other content types and
 * encodings, bodies over the 1 MiB limit. Each answer is an AWS JSON error (4xx, {@code __type} in the body and in
 * {@code x-amzn-ErrorType}) without a stack trace, and after each property a correct call is still served.
 */
class HostileCodePipelineRequestsTest {

    static final String JSON_TYPE = HostileBodies.JSON_TYPE;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<SchemaViolations.Broken> BROKEN = SchemaViolations.all();
    static final HostileTally TALLY = new HostileTally();
    static final FakeCustomJob KNOWN = FakeJobs.withSeed(99).custom().build();

    static CodePipelineMock mock;
    static RawHttp http;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        mock.enqueue(KNOWN);
        http = new RawHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        System.out.println(TALLY.report("CodePipeline side"));
        mock.stop();
    }

    /** The job operations: what the target and content-type properties drive (their answers are the jobs'). */
    static final Operation[] JOB_OPERATIONS = Operation.jobOperations().toArray(Operation[]::new);
    /** Every operation the mock serves: the job operations and the control plane's. */
    static final Operation[] SERVED = SchemaViolations.FUZZED.toArray(Operation[]::new);
    /** The served operations whose input has required members: an empty object is refused. */
    static final Operation[] SERVED_WITH_REQUIRED = SchemaViolations.FUZZED.stream()
            .filter(SchemaViolations::requiresMembers).toArray(Operation[]::new);
    /** What CreatePipeline may answer a hostile declaration with. */
    static final Set<String> DECLARATION_ERRORS = Set.of("SerializationException", "ValidationException",
            "InvalidStructureException", "InvalidStageDeclarationException", "InvalidActionDeclarationException",
            "InvalidBlockerDeclarationException", "LimitExceededException", "PipelineNameInUseException",
            "InvalidTagsException");

    /** A correct call still works, and nothing went wrong inside the mock. */
    @AfterEach
    void aCorrectCallIsStillServed() {
        RawHttp.Answer answer = send(Operation.GET_JOB_DETAILS.target(), JSON_TYPE,
                utf8("{\"jobId\": \"" + KNOWN.jobId() + "\"}"), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(HostileAnswers.jsonBody(answer).path("jobDetails").path("id").asText()).isEqualTo(KNOWN.jobId());
        assertThat(mock.problems()).isEmpty();
    }

    // ---------------------------------------------------------------- properties

    @Test
    void malformedBodiesAreSerializationExceptions() {
        Fuzz.run("malformed bodies", 1_800, random -> {
            Operation operation = Fuzz.pick(random, SERVED_WITH_REQUIRED);
            HostileBodies.Hostile body = malformedBody(random);
            JsonNode error = refused(send(operation.target(), JSON_TYPE, body.bytes(), Map.of()), body.describe());
            assertThat(error.path("__type").asText()).as(body.describe())
                    .isIn("SerializationException", "ValidationException");
        });
    }

    @Test
    void hugeStringsAndNumbersAreRefusedInAwsJson() {
        Fuzz.run("huge strings and numbers", 400, random -> {
            Operation operation = Fuzz.pick(random, SERVED);
            ObjectNode request = SchemaViolations.valid(operation);
            List<String> members = new ArrayList<>();
            request.fieldNames().forEachRemaining(members::add);
            String member = members.get(random.nextInt(members.size()));
            String value = random.nextBoolean() ? hugeNumber(random)
                    : JSON.valueToTree("x".repeat(10_000 + random.nextInt(390_000))).toString();
            String body = request.toString().replace("\"" + member + "\":" + request.get(member).toString(),
                    "\"" + member + "\":" + value);
            refused(send(operation.target(), JSON_TYPE, utf8(body), Map.of()), operation + " " + member + "="
                    + HostileAnswers.shorten(value));
        });
    }

    @Test
    void everyBrokenConstraintIsAValidationOrSerializationErrorNamingTheMember() {
        Fuzz.run("broken constraints", 2_000, random -> {
            SchemaViolations.Broken broken = BROKEN.get(random.nextInt(BROKEN.size()));
            SchemaViolations.Broken other = random.nextInt(4) == 0 ? sameOperation(broken, random) : null;
            ObjectNode request = other == null ? broken.request() : merged(broken, other);
            String describe = broken + (other == null ? "" : " + " + other);

            JsonNode error = refused(send(broken.operation().target(), JSON_TYPE, utf8(request.toString()),
                    Map.of()), describe);

            Set<String> expected = new java.util.HashSet<>(Set.of(broken.expectedType()));
            if (other != null) {
                expected.add(other.expectedType());
            }
            assertThat(error.path("__type").asText()).as(describe).isIn(expected);
            if (other == null) {
                assertThat(error.path("message").asText()).as(describe).contains("'" + broken.member());
            }
        });
    }

    @Test
    void everyConstraintOfEverySchemaIsBrokenAtLeastOnce() {
        assertThat(BROKEN).hasSizeGreaterThan(150);
        assertThat(BROKEN.stream().map(SchemaViolations.Broken::constraint).distinct()).contains(
                io.github.cptestkit.schemas.Constraint.REQUIRED, io.github.cptestkit.schemas.Constraint.TYPE,
                io.github.cptestkit.schemas.Constraint.MIN_LENGTH, io.github.cptestkit.schemas.Constraint.MAX_LENGTH,
                io.github.cptestkit.schemas.Constraint.PATTERN, io.github.cptestkit.schemas.Constraint.ENUM,
                io.github.cptestkit.schemas.Constraint.MINIMUM, io.github.cptestkit.schemas.Constraint.MAXIMUM,
                io.github.cptestkit.schemas.Constraint.MAP_KEY, io.github.cptestkit.schemas.Constraint.MAX_ENTRIES);
        for (SchemaViolations.Broken broken : BROKEN) {
            JsonNode error = refused(send(broken.operation().target(), JSON_TYPE, utf8(broken.request().toString()),
                    Map.of()), broken.toString());
            assertThat(error.path("__type").asText()).as(broken.toString()).isEqualTo(broken.expectedType());
        }
    }

    @Test
    void hostileDeclarationsAreRefusedInAwsJsonOrCreatedAndTheMockKeepsServing() {
        int[] created = {0};
        Fuzz.run("hostile declarations", 400, random -> {
            ObjectNode pipeline = HostileDeclarations.valid("hostile-" + random.nextInt(1_000_000));
            List<String> mutations = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                mutations.add(HostileDeclarations.mutate(pipeline, random));
            }
            ObjectNode request = JSON.createObjectNode();
            request.set("pipeline", pipeline);
            RawHttp.Answer answer = send(Operation.CREATE_PIPELINE.target(), JSON_TYPE, utf8(request.toString()),
                    Map.of());
            String describe = "CreatePipeline " + mutations;
            if (answer.status() == 200) {
                created[0]++;
                TALLY.count("accepted 200");
                send(Operation.DELETE_PIPELINE.target(), JSON_TYPE, utf8("{\"name\": \""
                        + pipeline.path("name").asText() + "\"}"), Map.of());
                return;
            }
            JsonNode error = refused(answer, describe);
            assertThat(error.path("__type").asText()).as(describe).isIn(DECLARATION_ERRORS);
        });
        assertThat(created[0]).as("some mutations keep the declaration valid").isPositive();
        assertThat(mock.pipelines()).isEmpty();
    }

    @Test
    void aHugeDeclarationIsLimitExceededAndOneOverTheBodyLimitRequestEntityTooLarge() {
        ObjectNode huge = HostileDeclarations.valid("huge");
        HostileDeclarations.widen(huge, 50, 50);
        String body = "{\"pipeline\": " + huge + "}";
        assertThat(body.length()).isLessThan(1 << 20);
        JsonNode error = refused(send(Operation.CREATE_PIPELINE.target(), JSON_TYPE, utf8(body), Map.of()),
                "50 stages of 50 actions");
        assertThat(error.path("__type").asText()).isEqualTo("LimitExceededException");
        assertThat(error.path("message").asText()).contains("500");

        HostileDeclarations.widen(huge, 50, 200);
        RawHttp.Answer tooLarge = send(Operation.CREATE_PIPELINE.target(), JSON_TYPE,
                utf8("{\"pipeline\": " + huge + "}"), Map.of());
        assertThat(refused(tooLarge, "50 stages of 200 actions").path("__type").asText())
                .isEqualTo("RequestEntityTooLargeException");

        String deep = "{\"pipeline\": " + HostileDeclarations.valid("deep").toString()
                .replace("\"PollForSourceChanges\":\"false\"", "\"PollForSourceChanges\":"
                        + "[".repeat(20_000) + "]".repeat(20_000)) + "}";
        assertThat(refused(send(Operation.CREATE_PIPELINE.target(), JSON_TYPE, utf8(deep), Map.of()),
                "a configuration value nested 20,000 deep").path("__type").asText())
                .isIn("SerializationException", "ValidationException");
    }

    @Test
    void unknownOrMissingTargetsAreUnknownOperationException() {
        Fuzz.run("targets", 800, random -> {
            String target = target(random);
            Operation operation = Fuzz.pick(random, JOB_OPERATIONS);
            JsonNode error = refused(send(target, JSON_TYPE, utf8(SchemaViolations.valid(operation).toString()),
                    Map.of()), "target " + target);
            assertThat(error.path("__type").asText()).as("target %s", target).isEqualTo("UnknownOperationException");
        });
    }

    @Test
    void otherContentTypesAndEncodingsAreRefused() {
        Fuzz.run("content types and encodings", 800, random -> {
            Operation operation = Fuzz.pick(random, JOB_OPERATIONS);
            String contentType = contentType(random);
            byte[] body = utf8(SchemaViolations.valid(operation).toString());
            Map<String, String> headers = new LinkedHashMap<>();
            String describe = "Content-Type " + contentType;
            if (random.nextInt(3) == 0) {
                String encoding = Fuzz.pick(random, "gzip", "deflate", "br", "gzip, chunked", "x-gzip");
                headers.put("Content-Encoding", encoding);
                body = random.nextBoolean() ? gzip(body) : GZIP_BOMB;
                describe += ", Content-Encoding " + encoding;
            } else if (random.nextInt(4) == 0) {
                body = GZIP_BOMB;
                describe += ", a gzip bomb without Content-Encoding";
            }
            RawHttp.Answer answer = send(operation.target(), contentType, body, headers);
            if (answer.status() < 300) {
                // Only awsJson1_1's own type (any case, a UTF-8 charset at most) or none, on a plain body, is taken.
                assertThat(contentType.split(";", -1)[0].trim().toLowerCase(java.util.Locale.ROOT)).as(describe)
                        .isIn("", JSON_TYPE);
                assertThat(describe).doesNotContain("Content-Encoding", "gzip");
                TALLY.count("accepted " + answer.status());
                return;
            }
            JsonNode error = refused(answer, describe);
            assertThat(error.path("__type").asText()).as(describe).isIn("UnsupportedMediaTypeException",
                    "SerializationException", "JobNotFoundException", "ActionTypeNotFoundException",
                    "ValidationException");
        });
    }

    @Test
    void bodiesOverTheLimitAreRequestEntityTooLargeDeclaredChunkedOrLying() {
        String head = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + Operation.GET_JOB_DETAILS.target()
                + "\r\nContent-Type: " + JSON_TYPE + "\r\nConnection: close\r\n";
        byte[] tenMegabytes = utf8("{\"jobId\": \"" + "x".repeat(10 << 20) + "\"}");
        List<RawHttp.Answer> answers = List.of(
                http.sendRaw(head + "Content-Length: " + tenMegabytes.length + "\r\n\r\n", tenMegabytes),
                http.sendRaw(head + "Content-Length: " + Long.MAX_VALUE + "\r\n\r\n", utf8("{")),
                http.sendRaw(head + "Content-Length: 2147483648\r\n\r\n", utf8("{\"jobId\"")),
                http.sendRaw(head + "Transfer-Encoding: chunked\r\n\r\n",
                        HostileBodies.chunked(new byte[(1 << 20) + 10])));
        for (RawHttp.Answer answer : answers) {
            JsonNode error = refused(answer, "a body over 1 MiB");
            assertThat(answer.status()).isEqualTo(413);
            assertThat(error.path("__type").asText()).isEqualTo("RequestEntityTooLargeException");
        }
    }

    // ---------------------------------------------------------------- generators

    static String target(Random random) {
        Operation op = Fuzz.pick(random, JOB_OPERATIONS);
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> Fuzz.text(random, 1 + random.nextInt(200), '!', '~');
            case 2 -> Operation.TARGET_PREFIX + Fuzz.text(random, 1 + random.nextInt(60), '!', '~');
            case 3 -> op.target().toLowerCase(java.util.Locale.ROOT);
            case 4 -> op.target() + "X";
            case 5 -> "DynamoDB_20120810." + op.operationName();
            case 6 -> Operation.TARGET_PREFIX + "x".repeat(random.nextInt(7_000));
            default -> Operation.TARGET_PREFIX;
        };
    }

    // ---------------------------------------------------------------- plumbing

    static RawHttp.Answer send(String target, String contentType, byte[] body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (target != null && !target.isEmpty()) {
            headers.put("X-Amz-Target", target);
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        return http.send("POST", "/", headers, body);
    }

    /** The answer is an AWS JSON error; counts it; its body. */
    static JsonNode refused(RawHttp.Answer answer, String request) {
        JsonNode error = HostileAnswers.awsJsonError(answer, request);
        TALLY.count(answer.status() + " " + error.path("__type").asText());
        return error;
    }

    static SchemaViolations.Broken sameOperation(SchemaViolations.Broken broken, Random random) {
        List<SchemaViolations.Broken> same = BROKEN.stream()
                .filter(b -> b.operation() == broken.operation() && !b.member().startsWith(broken.member())
                        && !broken.member().startsWith(b.member()))
                .toList();
        return same.isEmpty() ? null : same.get(random.nextInt(same.size()));
    }

    /** Both breaks in one request: the second's broken member copied into the first's request. */
    static ObjectNode merged(SchemaViolations.Broken first, SchemaViolations.Broken second) {
        ObjectNode merged = first.request().deepCopy();
        String top = second.member().split("\\.")[0];
        if (second.request().has(top)) {
            merged.set(top, second.request().get(top));
        } else {
            merged.remove(top);
        }
        return merged;
    }
}
