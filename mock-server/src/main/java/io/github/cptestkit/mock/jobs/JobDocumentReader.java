package io.github.cptestkit.mock.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import io.github.cptestkit.schemas.WireJson;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeJobSource;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.wire.WireFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * Reads {@link JobDocument}s: picks the shape (third-party or custom), checks every member against the schemas
 * (through the answers the job will be served in, so a document is refused exactly when the mock could not serve
 * it), and builds the fixtures' job values. Violations are in AWS's words, relative to the document, with client
 * tokens, credentials and configuration values hidden.
 *
 * <pre>{@code
 * List<Violation> violations = new ArrayList<>();
 * JobDocument job = JobDocumentReader.read(node, "/job", violations, 0);   // null when violations were added
 * }</pre>
 */
final class JobDocumentReader {

    /** The optional member holding input artifact bytes: {@code {"<artifact name>": "<base64>"}}. */
    static final String CONTENTS = "inputArtifactContents";

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final SchemaValidator SCHEMAS = SchemaValidator.shared();
    private static final String THIRD_PARTY_SHAPE = "{clientId, clientToken, jobDetails}";
    private static final String CUSTOM_SHAPE = "{id, data, nonce, accountId}";

    private JobDocumentReader() {}

    /**
     * Reads one document found at JSON Pointer {@code at} of a request (or {@code ""} for a whole file); adds its
     * violations to {@code violations} and returns {@code null} when it has any. {@code index} picks the generated
     * zip served for input artifacts without contents.
     */
    static JobDocument read(JsonNode document, String at, List<Violation> violations, long index) {
        List<Violation> found = new ArrayList<>();
        JobDocument job = null;
        if (!(document instanceof ObjectNode doc)) {
            found.add(new Violation("", Constraint.TYPE, "Member must be a JSON object: a third-party job "
                    + THIRD_PARTY_SHAPE + " or a custom job " + CUSTOM_SHAPE, document.getNodeType().toString()
                    .toLowerCase(java.util.Locale.ROOT)));
        } else if (doc.has("jobDetails") || doc.has("clientId") || doc.has("clientToken")) {
            job = thirdParty(doc, found, index);
        } else if (doc.has("id") || doc.has("data")) {
            job = custom(doc, found, index);
        } else {
            StringJoiner members = new StringJoiner(", ", "{", "}");
            doc.fieldNames().forEachRemaining(members::add);
            found.add(new Violation("", Constraint.OTHER, "Member must be a third-party job " + THIRD_PARTY_SHAPE
                    + " or a custom job " + CUSTOM_SHAPE, members.toString()));
        }
        found.sort(java.util.Comparator.comparing(Violation::path));
        for (Violation violation : found) {
            violations.add(new Violation(at + violation.path(), violation.constraint(), violation.requirement(),
                    violation.value()));
        }
        return found.isEmpty() ? job : null;
    }

    /** One document given as text; an {@link IllegalArgumentException} naming {@code source} when it is broken. */
    static JobDocument parseOne(String source, String json) {
        List<Violation> violations = new ArrayList<>();
        JobDocument job = read(tree(source, json), "", violations, 0);
        if (job == null) {
            throw new IllegalArgumentException(source + " is not a valid job document: "
                    + Violation.validationExceptionMessage(violations) + ". " + fix());
        }
        return job;
    }

    /**
     * A JSON array of documents given as text; an {@link IllegalArgumentException} naming {@code source} and each
     * broken item by its index.
     */
    static List<JobDocument> parseList(String source, String json) {
        JsonNode tree = tree(source, json);
        if (!(tree instanceof ArrayNode items)) {
            throw new IllegalArgumentException(source + " must hold a JSON array of job documents, but holds a JSON "
                    + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + "; put the jobs in [ ]. "
                    + fix());
        }
        List<JobDocument> jobs = new ArrayList<>();
        StringJoiner problems = new StringJoiner("; ");
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            List<Violation> violations = new ArrayList<>();
            JobDocument job = read(items.get(i), "", violations, i);
            if (job == null) {
                problems.add("item " + i + ": " + Violation.validationExceptionMessage(violations));
            } else if (!ids.add(job.jobId())) {
                problems.add("item " + i + ": job id " + job.jobId() + " appears twice; give each job its own id");
            } else {
                jobs.add(job);
            }
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException(source + " has invalid job documents: " + problems + ". " + fix());
        }
        return jobs;
    }

    /** The JSON of a document, as {@link #read} reads it back. */
    static ObjectNode write(JobDocument document) {
        if (document instanceof JobDocument.ThirdParty thirdParty) {
            ObjectNode json = JSON.createObjectNode().put("clientId", thirdParty.job().clientId())
                    .put("clientToken", thirdParty.job().clientToken());
            json.set("jobDetails", WireFormat.toTree(thirdParty.job().details()));
            return json;
        }
        return (ObjectNode) WireFormat.toTree(((JobDocument.Custom) document).job().job());
    }

    private static String fix() {
        return "Fix the document: the formats are in docs/admin-api.md (job documents)";
    }

    private static JsonNode tree(String source, String json) {
        try {
            JsonNode tree = WireJson.strictReader().readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException(source + " is empty; it must hold JSON. " + fix());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). " + fix());
        }
    }

    // ---------------------------------------------------------------- third-party jobs

    private static JobDocument thirdParty(ObjectNode doc, List<Violation> found, long index) {
        Set<Violation> violations = new LinkedHashSet<>();
        require(doc, "/clientId", violations);
        require(doc, "/clientToken", violations);
        require(doc, "/jobDetails/id", violations);
        require(doc, "/jobDetails/data/actionTypeId", violations);
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("jobDetails", doc.get("jobDetails"));
        withoutNulls(wrapped);
        violations.addAll(SCHEMAS.validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, wrapped));
        ObjectNode entry = JSON.createObjectNode();
        entry.set("clientId", doc.get("clientId"));
        entry.set("jobId", doc.at("/jobDetails/id").isMissingNode() ? null : doc.at("/jobDetails/id"));
        ObjectNode listed = JSON.createObjectNode();
        listed.putArray("jobs").add(withoutNulls(entry));
        for (Violation v : SCHEMAS.validateResponse(Operation.POLL_FOR_THIRD_PARTY_JOBS, listed)) {
            violations.add(moved(v, path -> path.replace("/jobs/0/jobId", "/jobDetails/id")
                    .replace("/jobs/0", "")));
        }
        ObjectNode tokenCall = JSON.createObjectNode().put("jobId", "job");
        tokenCall.set("clientToken", doc.get("clientToken"));
        for (Violation v : SCHEMAS.validateRequest(Operation.GET_THIRD_PARTY_JOB_DETAILS, withoutNulls(tokenCall))) {
            if (v.path().equals("/clientToken")) {
                violations.add(new Violation(v.path(), v.constraint(), v.requirement(),
                        v.value() == null ? null : Violation.REDACTED));
            }
        }
        requireOwner(doc.at("/jobDetails/data/actionTypeId/owner"), "/jobDetails/data/actionTypeId/owner", true,
                violations);
        Map<String, byte[]> contents = contents(doc, doc.at("/jobDetails/data/inputArtifacts"), violations);
        violations.forEach(v -> found.add(v.withConfigurationValueHidden()));
        if (!found.isEmpty()) {
            return null;
        }
        ThirdPartyJobDetails details = value(doc.get("jobDetails"), ThirdPartyJobDetails.class);
        return new JobDocument.ThirdParty(new FakeThirdPartyJob(doc.get("clientId").asText(),
                doc.get("clientToken").asText(), details, artifacts(details.data(), contents, index)));
    }

    // ---------------------------------------------------------------- custom and Lambda jobs

    private static JobDocument custom(ObjectNode doc, List<Violation> found, long index) {
        Set<Violation> violations = new LinkedHashSet<>();
        require(doc, "/id", violations);
        require(doc, "/data/actionTypeId", violations);
        ObjectNode job = doc.deepCopy();
        job.remove(CONTENTS);
        ObjectNode listed = JSON.createObjectNode();
        listed.putArray("jobs").add(job);
        for (Violation v : SCHEMAS.validateResponse(Operation.POLL_FOR_JOBS, listed)) {
            violations.add(moved(v, path -> path.substring("/jobs/0".length())));
        }
        requireOwner(doc.at("/data/actionTypeId/owner"), "/data/actionTypeId/owner", false, violations);
        Map<String, byte[]> contents = contents(doc, doc.at("/data/inputArtifacts"), violations);
        violations.forEach(v -> found.add(v.withConfigurationValueHidden()));
        if (!found.isEmpty()) {
            return null;
        }
        Job value = value(job, Job.class);
        return new JobDocument.Custom(new FakeCustomJob(value, artifacts(value.data(), contents, index)));
    }

    // ---------------------------------------------------------------- shared checks

    /** A missing member on the way to {@code pointer} is a REQUIRED violation (a wrong type is the schemas'). */
    private static void require(ObjectNode doc, String pointer, Set<Violation> violations) {
        JsonNode node = doc;
        StringBuilder at = new StringBuilder();
        for (String segment : pointer.substring(1).split("/")) {
            if (!node.isObject()) {
                return;
            }
            at.append('/').append(segment);
            if (!node.hasNonNull(segment)) {
                violations.add(new Violation(at.toString(), Constraint.REQUIRED, "Member must not be null", null));
                return;
            }
            node = node.get(segment);
        }
    }

    private static void requireOwner(JsonNode owner, String pointer, boolean thirdParty, Set<Violation> violations) {
        if (!owner.isTextual()) {
            return;
        }
        boolean isThirdParty = ActionOwner.THIRD_PARTY.wire().equals(owner.asText());
        if (thirdParty && !isThirdParty) {
            violations.add(new Violation(pointer, Constraint.OTHER, "Member must be ThirdParty in a third-party job "
                    + THIRD_PARTY_SHAPE + "; write a job of owner Custom or AWS as " + CUSTOM_SHAPE, owner.asText()));
        } else if (!thirdParty && isThirdParty) {
            violations.add(new Violation(pointer, Constraint.OTHER, "Member must be Custom or AWS in a custom job "
                    + CUSTOM_SHAPE + "; write a ThirdParty job as " + THIRD_PARTY_SHAPE, owner.asText()));
        }
    }

    private static Map<String, byte[]> contents(ObjectNode doc, JsonNode inputArtifacts, Set<Violation> violations) {
        Map<String, byte[]> contents = new HashMap<>();
        JsonNode given = doc.get(CONTENTS);
        if (given == null || given.isNull()) {
            return contents;
        }
        if (!given.isObject()) {
            violations.add(new Violation("/" + CONTENTS, Constraint.TYPE, "Member must be of JSON type object ("
                    + "input artifact name to the base64 of its zip)", given.toString()));
            return contents;
        }
        Set<String> names = new LinkedHashSet<>();
        inputArtifacts.forEach(artifact -> names.add(artifact.path("name").asText()));
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            String pointer = "/" + CONTENTS + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
            if (!names.contains(entry.getKey())) {
                violations.add(new Violation(pointer, Constraint.MAP_KEY, "Map keys must name an input artifact of"
                        + " the job: " + names, entry.getKey()));
            } else if (!entry.getValue().isTextual()) {
                violations.add(new Violation(pointer, Constraint.TYPE, "Member must be of JSON type string (base64)",
                        entry.getValue().toString()));
            } else {
                try {
                    contents.put(entry.getKey(), Base64.getMimeDecoder().decode(entry.getValue().asText()));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation(pointer, Constraint.OTHER, "Member must be base64 (RFC 4648): "
                            + e.getMessage(), null));
                }
            }
        }
        return contents;
    }

    /** The objects behind the input artifacts: the given bytes, or a generated source zip. */
    private static List<ArtifactObject> artifacts(JobData data, Map<String, byte[]> contents, long index) {
        List<ArtifactObject> objects = new ArrayList<>();
        if (data.inputArtifacts() == null) {
            return objects;
        }
        for (Artifact artifact : data.inputArtifacts()) {
            if (artifact.location() == null || artifact.location().s3Location() == null) {
                continue;
            }
            byte[] bytes = contents.get(artifact.name());
            if (bytes == null) {
                bytes = GeneratedZips.SOURCE.orElseThrow(() -> new IllegalArgumentException("input artifact "
                        + artifact.name() + " has no " + CONTENTS + ", and without codepipeline-testkit-fixtures on"
                        + " the class path the mock cannot generate its zip: give its bytes in base64, or add the"
                        + " fixtures")).sourceZip(index);
            }
            objects.add(new ArtifactObject(artifact.location().s3Location(), bytes));
        }
        return objects;
    }

    /** Where the zips of input artifacts without contents come from, looked up once. */
    private static final class GeneratedZips {
        static final Optional<FakeJobSource> SOURCE = FakeJobSource.installed(FakeJobSource.DEFAULT_SEED);
    }

    private static Violation moved(Violation v, UnaryOperator<String> path) {
        return new Violation(path.apply(v.path()), v.constraint(), v.requirement(), v.value());
    }

    private static ObjectNode withoutNulls(ObjectNode node) {
        List<String> nulls = new ArrayList<>();
        node.properties().forEach(e -> {
            if (e.getValue() == null || e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        node.remove(nulls);
        return node;
    }

    private static <T> T value(JsonNode node, Class<T> type) {
        try {
            return WireFormat.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from a document that fits"
                    + " its schema: " + e.getOriginalMessage(), e);
        }
    }
}
