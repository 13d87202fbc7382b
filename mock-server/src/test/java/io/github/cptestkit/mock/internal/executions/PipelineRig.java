package io.github.cptestkit.mock.internal.executions;

import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.internal.codepipeline.JobStore;
import io.github.cptestkit.mock.internal.pipelines.ControlPlane;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneQuotas;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneScope;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job store, a control plane and an engine on one mock clock, with a map for the artifact bucket: what the engine's
 * unit tests drive. Its pipeline is the user guide tutorial's: S3 source, a custom build action, a Lambda invoke
 * action reading the build's variable.
 */
final class PipelineRig {

    static final ActionTypeId S3_SOURCE = new ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS, "S3", "1");
    static final ActionTypeId LAMBDA = new ActionTypeId(ActionCategory.INVOKE, ActionOwner.AWS, "Lambda", "1");
    static final ActionTypeId CODEBUILD = new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild", "1");
    static final ActionTypeId MANUAL = new ActionTypeId(ActionCategory.APPROVAL, ActionOwner.AWS, "Manual", "1");
    static final ActionTypeId CUSTOM_BUILD = new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "Builder", "1");
    static final ActionTypeId PARTNER = new ActionTypeId(ActionCategory.TEST, ActionOwner.THIRD_PARTY, "Tester", "1");
    static final String BUCKET = "codepipeline-us-east-1-1234567890";

    final MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final JobStore jobs = new JobStore(JobStore.Settings.defaults(clock));
    final ControlPlane controlPlane = new ControlPlane(clock, ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT);
    final Map<S3ArtifactLocation, byte[]> bucket = new ConcurrentHashMap<>();
    /** The objects the engine copied within the bucket, in order. */
    final List<S3ArtifactLocation> copies = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ExecutionEngine engine = new ExecutionEngine(ExecutionEngine.Settings.defaults(clock), jobs,
            new ExecutionBackend() {
                @Override
                public String enqueue(FakeThirdPartyJob job) {
                    return jobs.enqueueThirdParty(job);
                }

                @Override
                public String enqueue(FakeCustomJob job) {
                    return jobs.enqueueCustom(job);
                }

                @Override
                public long endedJobs() {
                    return jobs.endedJobs();
                }

                @Override
                public Optional<JobSnapshot> job(String jobId) {
                    return jobs.snapshot(jobId);
                }

                @Override
                public Optional<String> objectETag(S3ArtifactLocation location) {
                    return Optional.ofNullable(bucket.get(location)).map(PipelineRig::md5);
                }

                @Override
                public boolean copyObject(S3ArtifactLocation from, S3ArtifactLocation to) {
                    byte[] content = bucket.get(from);
                    if (content != null) {
                        bucket.put(to, content);
                        copies.add(from);
                    }
                    return content != null;
                }

                @Override
                public void putObject(S3ArtifactLocation location, byte[] content) {
                    bucket.put(location, content);
                }
            }, controlPlane::findPipeline);

    PipelineRig() {
        jobs.beforeEachCall(engine::advance);
        controlPlane.createCustomActionType(ActionType.custom(ActionCategory.BUILD, "Builder", "1")
                .withConfigurationProperties(ConfigurationProperty.optional("Env"),
                        ConfigurationProperty.optional("SourceETag")), List.of());
        controlPlane.registerActionType(PARTNER, ActionTypeSettings.defaults());
        jobs.registerActionType(CUSTOM_BUILD, ActionTypeSettings.defaults()); // what the mock's wiring does
        jobs.registerActionType(PARTNER, ActionTypeSettings.defaults());
    }

    static ActionDeclaration source() {
        return ActionDeclaration.of("Source", S3_SOURCE)
                .withConfiguration(Map.of("S3Bucket", "app-sources", "S3ObjectKey", "app.zip"))
                .withOutputArtifacts("SourceArtifact")
                .withNamespace("SourceVariables");
    }

    static ActionDeclaration build() {
        return ActionDeclaration.of("Build", CUSTOM_BUILD)
                .withConfiguration(Map.of("Env", "prod", "SourceETag", "#{SourceVariables.ETag}"))
                .withInputArtifacts("SourceArtifact")
                .withOutputArtifacts("BuildArtifact")
                .withNamespace("BuildVariables");
    }

    static ActionDeclaration invoke() {
        return ActionDeclaration.of("Invoke", LAMBDA)
                .withConfiguration(Map.of("FunctionName", "release-notes",
                        "UserParameters", "#{BuildVariables.Version}@#{codepipeline.PipelineExecutionId}"))
                .withInputArtifacts("BuildArtifact");
    }

    static PipelineDeclaration.Builder pipeline(String name, StageDeclaration... laterStages) {
        PipelineDeclaration.Builder builder = PipelineDeclaration.builder(name)
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.s3(BUCKET))
                .stage(StageDeclaration.of("Source", source()));
        for (StageDeclaration stage : laterStages) {
            builder.stage(stage);
        }
        return builder;
    }

    /** The tutorial's three stages. */
    static PipelineDeclaration tutorial(String name) {
        return pipeline(name, StageDeclaration.of("Build", build()), StageDeclaration.of("Invoke", invoke())).build();
    }

    /** Source then Build, V2 in {@code mode}. */
    static PipelineDeclaration twoStages(String name, ExecutionMode mode) {
        return pipeline(name, StageDeclaration.of("Build", build())).pipelineType(PipelineType.V2)
                .executionMode(mode).build();
    }

    PipelineRig create(PipelineDeclaration declaration) {
        controlPlane.createPipeline(declaration, List.of());
        return this;
    }

    /** Polls one custom build job, acknowledges it and returns it. */
    Job takeBuildJob() {
        List<Job> polled = jobs.pollCustom(CUSTOM_BUILD, 1, Map.of());
        if (polled.isEmpty()) {
            throw new AssertionError("no build job is queued; jobs: " + jobs.snapshots());
        }
        Job job = polled.get(0);
        jobs.acknowledge(Operation.ACKNOWLEDGE_JOB, job.id(), job.nonce(), null);
        return job;
    }

    void succeed(String jobId, Map<String, String> outputVariables) {
        jobs.putSuccess(Operation.PUT_JOB_SUCCESS_RESULT, jobId, null, null, null, null, outputVariables);
    }

    /** The Lambda invoke job of the execution (InProgress at once: CodePipeline invokes the function itself). */
    JobSnapshot lambdaJob(String executionId) {
        return jobs.snapshots().stream()
                .filter(j -> j.actionTypeId().equals(LAMBDA)
                        && j.data().pipelineContext().pipelineExecutionId().equals(executionId))
                .findFirst().orElseThrow(() -> new AssertionError("no Lambda job for " + executionId));
    }

    /** The MD5 of bytes in lower-case hex, as the bucket's ETags of single-part objects. */
    static String md5(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
