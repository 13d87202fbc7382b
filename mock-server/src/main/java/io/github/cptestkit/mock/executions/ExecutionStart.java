package io.github.cptestkit.mock.executions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What StartPipelineExecution asks for: the pipeline, values for its pipeline-level variables, source revision
 * overrides and an idempotency token.
 *
 * <pre>{@code
 * String id = mock.startPipelineExecution(ExecutionStart.of("release")
 *         .variable("Env", "prod")
 *         .sourceRevision("Source", "S3_OBJECT_VERSION_ID", "v-42")
 *         .clientRequestToken("deploy-2026-01-01")
 *         .build());
 * }</pre>
 *
 * @param pipelineName       the pipeline to run
 * @param variables          values of its pipeline-level variables (V2 pipelines), by name
 * @param sourceRevisions    revisions its source actions use instead of the latest
 * @param clientRequestToken a start with the same token on the same pipeline answers the same execution, or
 *                           {@code null}
 */
public record ExecutionStart(String pipelineName, Map<String, String> variables,
        List<SourceRevisionOverride> sourceRevisions, String clientRequestToken) {

    /**
     * A revision one source action uses.
     *
     * <pre>{@code new ExecutionStart.SourceRevisionOverride("Source", "COMMIT_ID", "a1b2c3")}</pre>
     *
     * @param actionName    the source action
     * @param revisionType  {@code COMMIT_ID}, {@code IMAGE_DIGEST}, {@code S3_OBJECT_VERSION_ID} or {@code S3_OBJECT_KEY}
     * @param revisionValue the revision
     */
    public record SourceRevisionOverride(String actionName, String revisionType, String revisionValue) {
        /**
         * Every component is required: a {@code null} one is a {@link NullPointerException} naming it.
         *
         * @param actionName    the source action
         * @param revisionType  {@code COMMIT_ID}, {@code IMAGE_DIGEST}, {@code S3_OBJECT_VERSION_ID} or
         *                      {@code S3_OBJECT_KEY}
         * @param revisionValue the revision
         */
        public SourceRevisionOverride {
            Objects.requireNonNull(actionName, "actionName");
            Objects.requireNonNull(revisionType, "revisionType");
            Objects.requireNonNull(revisionValue, "revisionValue");
        }
    }

    /**
     * Copies the variables and the revisions ({@code null} is none); a {@code null} pipeline name is a
     * {@link NullPointerException}.
     *
     * @param pipelineName       the pipeline to run
     * @param variables          values of its pipeline-level variables (V2 pipelines), by name
     * @param sourceRevisions    revisions its source actions use instead of the latest
     * @param clientRequestToken a start with the same token on the same pipeline answers the same execution, or
     *                           {@code null}
     */
    public ExecutionStart {
        Objects.requireNonNull(pipelineName, "pipelineName");
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        sourceRevisions = sourceRevisions == null ? List.of() : List.copyOf(sourceRevisions);
    }

    /**
     * A builder of a start of {@code pipelineName}, with no variables, no revision overrides and no token.
     *
     * @param pipelineName the pipeline to run; not {@code null}
     * @return a new builder
     */
    public static Builder of(String pipelineName) {
        return new Builder(pipelineName);
    }

    /** Builds an {@link ExecutionStart}; see the example there. */
    public static final class Builder {
        private final String pipelineName;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<SourceRevisionOverride> sourceRevisions = new ArrayList<>();
        private String clientRequestToken;

        private Builder(String pipelineName) {
            this.pipelineName = Objects.requireNonNull(pipelineName, "pipelineName");
        }

        /**
         * A value for the pipeline-level variable {@code name}; a second value for the same name replaces the first.
         *
         * @param name  the variable, as the pipeline declares it; not {@code null}
         * @param value its value for this execution; not {@code null}
         * @return this builder
         */
        public Builder variable(String name, String value) {
            variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * A revision for the source action {@code actionName}, in place of its latest.
         *
         * @param actionName    the source action; not {@code null}
         * @param revisionType  {@code COMMIT_ID}, {@code IMAGE_DIGEST}, {@code S3_OBJECT_VERSION_ID} or
         *                      {@code S3_OBJECT_KEY}; not {@code null}
         * @param revisionValue the revision of that type; not {@code null}
         * @return this builder
         */
        public Builder sourceRevision(String actionName, String revisionType, String revisionValue) {
            sourceRevisions.add(new SourceRevisionOverride(actionName, revisionType, revisionValue));
            return this;
        }

        /**
         * The idempotency token: a second start of the same pipeline with the same token answers the first's
         * execution instead of starting one.
         *
         * @param token the token, or {@code null} for none (every start runs)
         * @return this builder
         */
        public Builder clientRequestToken(String token) {
            this.clientRequestToken = token;
            return this;
        }

        /**
         * The start, with the variables and revisions given so far.
         *
         * @return a new, immutable start
         */
        public ExecutionStart build() {
            return new ExecutionStart(pipelineName, variables, sourceRevisions, clientRequestToken);
        }
    }
}
