package io.github.cptestkit.mock.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.schemas.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job written in the API's own JSON shapes, as the standalone mock's {@code --jobs FILE} and the admin API's
 * {@code POST /__admin/codepipeline/jobs} take it, for workers in any language:
 * <ul>
 *   <li>a third-party job: {@code {"clientId": ..., "clientToken": ..., "jobDetails": <GetThirdPartyJobDetails'
 *       jobDetails>}} (what {@code fixtures/examples/third-party-job.json} holds);</li>
 *   <li>a custom-action or Lambda invoke job: {@code {"id": ..., "data": ..., "nonce": ..., "accountId": ...}}, a
 *       job as PollForJobs lists it (what {@code fixtures/examples/custom-job.json} holds).</li>
 * </ul>
 * Either may carry {@code "inputArtifactContents": {"<input artifact name>": "<base64 of the zip>"}}; an input
 * artifact without one is served a small generated source zip. Documents are checked against the schemas: a broken
 * one is an {@link IllegalArgumentException} naming the document, the member, the rule and the value (credentials,
 * client tokens and configuration values hidden).
 *
 * <pre>{@code
 * for (JobDocument job : JobDocument.readAll(Path.of("jobs.json"))) {
 *     mock.enqueue(job);
 * }
 * JobDocument one = JobDocument.parse(Files.readString(Path.of("fixtures/examples/third-party-job.json")));
 * }</pre>
 */
public sealed interface JobDocument {

    /** The job id. */
    default String jobId() {
        return this instanceof ThirdParty thirdParty ? thirdParty.job().jobId() : ((Custom) this).job().jobId();
    }

    /** The action type the job belongs to. */
    default ActionTypeId actionTypeId() {
        return this instanceof ThirdParty thirdParty ? thirdParty.job().actionTypeId()
                : ((Custom) this).job().actionTypeId();
    }

    /**
     * The document's JSON, as {@link #parse(String)} reads it (without {@code inputArtifactContents}): write jobs
     * built with the fixtures for a worker in another language.
     */
    default String toJson() {
        return JobDocumentReader.write(this).toString();
    }

    /**
     * A third-party (partner action) job.
     *
     * @param job the job, with its clientId/clientToken pair and input artifact contents
     */
    record ThirdParty(FakeThirdPartyJob job) implements JobDocument {
        public ThirdParty {
            Objects.requireNonNull(job, "job");
        }
    }

    /**
     * A custom-action job (owner Custom) or a Lambda invoke job (owner AWS).
     *
     * @param job the job with its input artifact contents
     */
    record Custom(FakeCustomJob job) implements JobDocument {
        public Custom {
            Objects.requireNonNull(job, "job");
        }
    }

    /** One job document. */
    static JobDocument parse(String json) {
        return JobDocumentReader.parseOne("the job document", json);
    }

    /** A JSON array of job documents; an error names the item by its index. */
    static List<JobDocument> parseAll(String json) {
        return JobDocumentReader.parseList("the job list", json);
    }

    /**
     * One document from a JSON tree, as the admin API reads each of a request's: its violations are added to
     * {@code violations}, their paths below {@code at} (a JSON Pointer, {@code ""} for the whole tree), and the
     * answer is empty when it has any. {@code index} picks the generated zip an input artifact without contents
     * gets, so the same index gives the same bytes.
     *
     * <pre>{@code
     * List<Violation> violations = new ArrayList<>();
     * Optional<JobDocument> job = JobDocument.read(request.get("job"), "/job", 0, violations);
     * }</pre>
     */
    static Optional<JobDocument> read(JsonNode document, String at, long index, List<Violation> violations) {
        Objects.requireNonNull(document, "document");
        return Optional.ofNullable(JobDocumentReader.read(document, at, violations, index));
    }

    /** A file holding a JSON array of job documents; an error names the file and the item. */
    static List<JobDocument> readAll(Path file) {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read job file " + file + ": " + e.getMessage(), e);
        }
        return JobDocumentReader.parseList(file.toString(), json);
    }
}
