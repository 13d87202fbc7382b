package io.github.cptestkit.mock.pipelines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline as CreatePipeline, UpdatePipeline and GetPipeline carry it: its stages, artifact store(s), type,
 * execution mode and variables. The mock checks a declaration the way CodePipeline does before it keeps it
 * (docs/fidelity.md, "Pipelines and action types").
 *
 * <pre>{@code
 * ActionTypeId s3Source = new ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS, "S3", "1");
 * ActionTypeId build = new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "MyBuilder", "1");
 * PipelineDeclaration pipeline = PipelineDeclaration.builder("release")
 *         .roleArn("arn:aws:iam::123456789012:role/release-pipeline")
 *         .artifactStore(ArtifactStore.s3("codepipeline-us-east-1-artifacts"))
 *         .stage(StageDeclaration.of("Source", ActionDeclaration.of("Source", s3Source)
 *                 .withConfiguration(Map.of("S3Bucket", "sources", "S3ObjectKey", "app.zip"))
 *                 .withOutputArtifacts("SourceArtifact")))
 *         .stage(StageDeclaration.of("Build", ActionDeclaration.of("Build", build)
 *                 .withInputArtifacts("SourceArtifact")))
 *         .build();
 * }</pre>
 *
 * @param name           the pipeline's name, unique in the mock's account and Region
 * @param roleArn        the service role
 * @param artifactStore  the artifact store of a pipeline whose actions all run in its Region, or {@code null}
 * @param artifactStores the artifact store of each Region (cross-Region actions), or empty; a pipeline has
 *                       exactly one of the two
 * @param stages         its stages, in order
 * @param version        its version: {@code null} in a declaration to create or update (the mock numbers
 *                       versions), the version number in a declaration the mock returns
 * @param pipelineType   V1 or V2; {@code null} in a declaration to create lets the mock choose (V2 when it uses a V2
 *                       member, else V1)
 * @param executionMode  QUEUED, SUPERSEDED or PARALLEL; {@code null} means SUPERSEDED, AWS's default
 * @param variables      the pipeline-level variables (V2)
 * @param otherMembers   members of the model's PipelineDeclaration kept as they came without interpreting them
 *                       ({@code triggers}), as plain values
 */
public record PipelineDeclaration(String name, String roleArn, ArtifactStore artifactStore,
        Map<String, ArtifactStore> artifactStores, List<StageDeclaration> stages, Integer version,
        PipelineType pipelineType, ExecutionMode executionMode, List<PipelineVariableDeclaration> variables,
        Map<String, Object> otherMembers) {

    /**
     * Copies the maps and lists ({@code null} is empty; a {@code null} entry is refused); the name is required. The
     * pipeline's rules are checked when it is created or updated.
     *
     * @param name           the pipeline's name, unique in the mock's account and Region
     * @param roleArn        the service role
     * @param artifactStore  the artifact store of a pipeline whose actions all run in its Region, or {@code null}
     * @param artifactStores the artifact store of each Region (cross-Region actions), or empty; a pipeline has
     *                       exactly one of the two
     * @param stages         its stages, in order
     * @param version        its version: {@code null} in a declaration to create or update (the mock numbers
     *                       versions), the version number in a declaration the mock returns
     * @param pipelineType   V1 or V2; {@code null} in a declaration to create lets the mock choose (V2 when it uses a
     *                       V2 member, else V1)
     * @param executionMode  QUEUED, SUPERSEDED or PARALLEL; {@code null} means SUPERSEDED, AWS's default
     * @param variables      the pipeline-level variables (V2)
     * @param otherMembers   members of the model's PipelineDeclaration kept as they came without interpreting them
     *                       ({@code triggers}), as plain values
     */
    public PipelineDeclaration {
        Objects.requireNonNull(name, "name");
        artifactStores = Copies.map(artifactStores, "artifactStores of pipeline " + name);
        stages = Copies.list(stages, "stages of pipeline " + name);
        variables = Copies.list(variables, "variables of pipeline " + name);
        otherMembers = Copies.map(otherMembers, "otherMembers of pipeline " + name);
    }

    /**
     * A builder of a declaration named {@code name}, with nothing else set.
     *
     * @param name the pipeline's name; not {@code null}
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The stage named {@code stageName}.
     *
     * @param stageName the stage's name, case-sensitive
     * @return the stage, or empty when the pipeline has none of that name
     */
    public Optional<StageDeclaration> stage(String stageName) {
        return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
    }

    /**
     * Every action of every stage, in stage order then declaration order.
     *
     * @return the actions, an immutable list
     */
    public List<ActionDeclaration> actions() {
        return stages.stream().flatMap(s -> s.actions().stream()).toList();
    }

    /**
     * The same declaration with another version number.
     *
     * @param newVersion the version, or {@code null} in a declaration to create or update
     * @return a new declaration; this one is unchanged
     */
    public PipelineDeclaration withVersion(Integer newVersion) {
        return new PipelineDeclaration(name, roleArn, artifactStore, artifactStores, stages, newVersion, pipelineType,
                executionMode, variables, otherMembers);
    }

    /**
     * The same declaration with other stages.
     *
     * @param newStages the stages, in order, replacing its own; copied
     * @return a new declaration; this one is unchanged
     */
    public PipelineDeclaration withStages(List<StageDeclaration> newStages) {
        return new PipelineDeclaration(name, roleArn, artifactStore, artifactStores, newStages, version, pipelineType,
                executionMode, variables, otherMembers);
    }

    /**
     * A builder that starts from this declaration, e.g. to change it for UpdatePipeline.
     *
     * @return a new builder holding every member of this declaration
     */
    public Builder toBuilder() {
        Builder builder = new Builder(name).roleArn(roleArn).artifactStore(artifactStore).version(version)
                .pipelineType(pipelineType).executionMode(executionMode);
        builder.artifactStores.putAll(artifactStores);
        builder.stages.addAll(stages);
        builder.variables.addAll(variables);
        builder.otherMembers.putAll(otherMembers);
        return builder;
    }

    /** Builds a {@link PipelineDeclaration}; see the example there. */
    public static final class Builder {
        private final String name;
        private String roleArn;
        private ArtifactStore artifactStore;
        private final Map<String, ArtifactStore> artifactStores = new LinkedHashMap<>();
        private final List<StageDeclaration> stages = new ArrayList<>();
        private Integer version;
        private PipelineType pipelineType;
        private ExecutionMode executionMode;
        private final List<PipelineVariableDeclaration> variables = new ArrayList<>();
        private final Map<String, Object> otherMembers = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * The service role's ARN.
         *
         * @param value the role's ARN, e.g. {@code arn:aws:iam::123456789012:role/release}, or {@code null} for none
         * @return this builder
         */
        public Builder roleArn(String value) {
            this.roleArn = value;
            return this;
        }

        /**
         * The artifact store of a single-Region pipeline (a pipeline has this or {@code artifactStores}, not both).
         *
         * @param value the store, or {@code null} for none
         * @return this builder
         */
        public Builder artifactStore(ArtifactStore value) {
            this.artifactStore = value;
            return this;
        }

        /**
         * The artifact store of one Region (cross-Region pipelines); a second store for a Region replaces the first.
         *
         * @param region the Region, e.g. {@code us-east-1}; not {@code null}
         * @param value  its store; not {@code null}
         * @return this builder
         */
        public Builder artifactStore(String region, ArtifactStore value) {
            artifactStores.put(Objects.requireNonNull(region, "region"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a stage after those added before.
         *
         * @param value the stage; not {@code null}
         * @return this builder
         */
        public Builder stage(StageDeclaration value) {
            stages.add(Objects.requireNonNull(value, "stage"));
            return this;
        }

        /**
         * The version number (the mock sets it when it keeps the declaration).
         *
         * @param value the version, or {@code null} (a declaration to create or update)
         * @return this builder
         */
        public Builder version(Integer value) {
            this.version = value;
            return this;
        }

        /**
         * V1 or V2.
         *
         * @param value the type, or {@code null} to let the mock choose when it creates the pipeline
         * @return this builder
         */
        public Builder pipelineType(PipelineType value) {
            this.pipelineType = value;
            return this;
        }

        /**
         * QUEUED, SUPERSEDED or PARALLEL.
         *
         * @param value the execution mode, or {@code null} for SUPERSEDED, AWS's default
         * @return this builder
         */
        public Builder executionMode(ExecutionMode value) {
            this.executionMode = value;
            return this;
        }

        /**
         * Adds a pipeline-level variable (V2).
         *
         * @param value the variable; not {@code null}
         * @return this builder
         */
        public Builder variable(PipelineVariableDeclaration value) {
            variables.add(Objects.requireNonNull(value, "variable"));
            return this;
        }

        /**
         * Keeps a member the mock does not interpret (e.g. {@code triggers}) as a plain value.
         *
         * @param member the member's name in the model's PipelineDeclaration; not {@code null}
         * @param value  its value: String, Number, Boolean, List or Map; not {@code null}
         * @return this builder
         */
        public Builder otherMember(String member, Object value) {
            otherMembers.put(Objects.requireNonNull(member, "member"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The declaration, with the members set so far.
         *
         * @return a new, immutable declaration
         */
        public PipelineDeclaration build() {
            return new PipelineDeclaration(name, roleArn, artifactStore, artifactStores, stages, version,
                    pipelineType, executionMode, variables, otherMembers);
        }
    }
}
