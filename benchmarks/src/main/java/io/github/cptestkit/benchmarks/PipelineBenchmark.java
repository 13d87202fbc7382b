package io.github.cptestkit.benchmarks;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionConfiguration;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.JobData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.Job;

/**
 * The cost of the pipeline engine: an execution end to end (StartPipelineExecution, the simulated S3 source, the
 * custom action's job polled, acknowledged and succeeded, the execution read back Succeeded) against a bare job of
 * the same action type (queued from Java, then the same three job calls), both through the AWS SDK for Java v2 over
 * HTTP to a mock in the same JVM. The execution makes one more HTTP call (the start) than the bare job.
 *
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/run-classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main PipelineBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark {

    private static final ActionTypeId TYPE = new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.CUSTOM, "Bench", "1");
    private static final software.amazon.awssdk.services.codepipeline.model.ActionTypeId SDK_TYPE =
            software.amazon.awssdk.services.codepipeline.model.ActionTypeId.builder().category("Deploy")
                    .owner("Custom").provider("Bench").version("1").build();

    private CodePipelineMock mock;
    private CodePipelineClient client;

    @Setup
    public void start() {
        mock = CodePipelineMock.builder().clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))).build().start();
        mock.createCustomActionType(ActionType.custom(ActionCategory.DEPLOY, "Bench", "1"));
        mock.createPipeline(PipelineDeclaration.builder("bench")
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.s3("codepipeline-us-east-1-bench"))
                .pipelineType(PipelineType.V2).executionMode(ExecutionMode.PARALLEL)
                .stage(StageDeclaration.of("Source", ActionDeclaration.of("Source",
                                new ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS, "S3", "1"))
                        .withConfiguration(Map.of("S3Bucket", "bench-sources", "S3ObjectKey", "app.zip"))
                        .withOutputArtifacts("SourceArtifact")))
                .stage(StageDeclaration.of("Deploy", ActionDeclaration.of("Deploy", TYPE)
                        .withInputArtifacts("SourceArtifact")))
                .build());
        client = CodePipelineClient.builder().endpointOverride(mock.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @TearDown
    public void stop() {
        client.close();
        mock.close();
    }

    @Benchmark
    public String bareJob() {
        String id = UUID.randomUUID().toString();
        mock.enqueue(new FakeCustomJob(new io.github.cptestkit.wire.Job(id, new JobData(TYPE,
                new ActionConfiguration(Map.of()), null, List.of(), List.of(), null, null, null), null,
                "123456789012"), List.of()));
        work();
        return id;
    }

    @Benchmark
    public String execution() {
        String id = client.startPipelineExecution(r -> r.name("bench")).pipelineExecutionId();
        work();
        if (mock.pipelineExecution(id).status() != PipelineExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("execution " + id + " did not succeed: "
                    + mock.pipelineExecution(id).describe());
        }
        return id;
    }

    private void work() {
        Job job = client.pollForJobs(r -> r.actionTypeId(SDK_TYPE)).jobs().get(0);
        client.acknowledgeJob(r -> r.jobId(job.id()).nonce(job.nonce()));
        client.putJobSuccessResult(r -> r.jobId(job.id()));
    }
}
