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

    /**
     * The job id.
     *
     * @return the id PollForJobs (or PollForThirdPartyJobs) lists the job with
     */
    default String jobId() {
        return this instanceof ThirdParty thirdParty ? thirdParty.job().jobId() : ((Custom) this).job().jobId();
    }

    /**
     * The action type the job belongs to.
     *
     * @return its category, owner, provider and version; only a worker polling for this type receives the job
     */
    default ActionTypeId actionTypeId() {
        return this instanceof ThirdParty thirdParty ? thirdParty.job().actionTypeId()
                : ((Custom) this).job().actionTypeId();
    }

    /**
     * The document's JSON, as {@link #parse(String)} reads it (without {@code inputArtifactContents}): write jobs
     * built with the fixtures for a worker in another language.
     *
     * @return compact JSON of one document, credentials and client token included
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
        /**
         * The job is required.
         *
         * @param job the job, with its clientId/clientToken pair and input artifact contents
         */
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
        /**
         * The job is required.
         *
         * @param job the job with its input artifact contents
         */
        public Custom {
            Objects.requireNonNull(job, "job");
        }
    }

    /**
     * One job document.
     *
     * @param json the document's JSON text: a third-party or a custom job, as above
     * @return the job
     * @throws IllegalArgumentException when the text is not JSON or the document breaks a rule; the message names
     *                                  the member, the rule and the value
     */
    static JobDocument parse(String json) {
        return JobDocumentReader.parseOne("the job document", json);
    }

    /**
     * A JSON array of job documents.
     *
     * @param json the JSON text of an array of documents (empty: no jobs)
     * @return the jobs, in the array's order
     * @throws IllegalArgumentException when the text is not a JSON array, an item breaks a rule or two items share a
     *                                  job id; the message names each broken item by its index
     */
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
     *
     * @param document   the document's JSON tree; not {@code null}
     * @param at         the JSON Pointer of the document in its request, prefixed to each violation's path
     * @param index      which generated zip input artifacts without contents get (zero or more)
     * @param violations where the document's violations are added; not changed when it has none
     * @return the job, or empty when violations were added
     */
    static Optional<JobDocument> read(JsonNode document, String at, long index, List<Violation> violations) {
        Objects.requireNonNull(document, "document");
        return Optional.ofNullable(JobDocumentReader.read(document, at, violations, index));
    }

    /**
     * A file holding a JSON array of job documents (the standalone mock's {@code --jobs FILE}).
     *
     * @param file the file, read as UTF-8; not {@code null}
     * @return the jobs, in the array's order
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException     when it holds no valid array of documents; the message names the file and
     *                                      each broken item by its index
     */
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
