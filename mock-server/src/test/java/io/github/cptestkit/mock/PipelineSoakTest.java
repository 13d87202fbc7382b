package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.executions.ActionExecutionStatus;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;

/**
 * The pipeline soak: 1,000 executions of a two-action pipeline (a simulated S3 source, then a custom action) in
 * PARALLEL mode, their custom jobs worked by 32 threads through the real SDK client with faults injected
 * (ThrottlingException and InternalFailure, retried by the SDK: 5 an operation a round, fewer than its 6 attempts, so
 * that no call can draw more faults than it has attempts), workers that "crash" after a poll (the job is
 * queued again once the mock's clock passes the dispatch timeout: the clock moves only between rounds, while no
 * worker holds a job) and successes that continue the action with a second job. Afterwards every execution has
 * ended exactly as its worker's results dictate (Succeeded with the variable it produced, or Failed with its
 * message), none is lost or still running, and ListPipelineExecutions pages through all of them once.
 */
class PipelineSoakTest {

    static final int EXECUTIONS = 1_000;
    static final int THREADS = 32;
    static final int MAX_ROUNDS = 10;
    /** Faults injected per operation and round: fewer than the SDK client's 6 attempts. */
    static final int FAULTS = 5;
    static final Duration DISPATCH_TIMEOUT = Duration.ofMinutes(1);
    static final io.github.cptestkit.wire.ActionTypeId TYPE = new io.github.cptestkit.wire.ActionTypeId(
            ActionCategory.DEPLOY, ActionOwner.CUSTOM, "SoakDeploy", "1");
    static final ActionTypeId SDK_TYPE = SdkClients.sdk(TYPE);

    /** What the workers decide for a job of an execution, from its id: fail (1 in 7), continue (1 in 5), crash (1 in 10). */
    static boolean fails(String executionId) {
        return Math.floorMod(executionId.hashCode(), 7) == 0;
    }

    static boolean continues(String executionId) {
        return Math.floorMod(executionId.hashCode(), 5) == 0;
    }

    static boolean crashesOnFirstDispatch(String jobId) {
        return Math.floorMod(jobId.hashCode(), 10) == 0;
    }

    @Test
    void everyExecutionEndsOnceInTheStateItsWorkersResultsDictateAndNoneIsLost() throws Exception {
        MockClock clock = MockClock.at(Instant.parse("2026-06-01T00:00:00Z"));
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).dispatchTimeout(DISPATCH_TIMEOUT)
                .build().start();
                CodePipelineClient client = JobSoakTest.client(mock)) {
            mock.createCustomActionType(ActionType.custom(ActionCategory.DEPLOY, "SoakDeploy", "1"));
            mock.createPipeline(PipelineDeclaration.builder("soak")
                    .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                    .artifactStore(ArtifactStore.s3("codepipeline-us-east-1-soak"))
                    .pipelineType(PipelineType.V2).executionMode(ExecutionMode.PARALLEL)
                    .stage(StageDeclaration.of("Source", ActionDeclaration.of("Source",
                                    new io.github.cptestkit.wire.ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS,
                                            "S3", "1"))
                            .withConfiguration(Map.of("S3Bucket", "soak-sources", "S3ObjectKey", "app.zip"))
                            .withOutputArtifacts("SourceArtifact")))
                    .stage(StageDeclaration.of("Deploy", ActionDeclaration.of("Deploy", TYPE)
                            .withInputArtifacts("SourceArtifact")))
                    .build());

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                ids.add(client.startPipelineExecution(r -> r.name("soak")).pipelineExecutionId());
            }

            Set<String> crashed = ConcurrentHashMap.newKeySet();
            Set<String> dispatched = ConcurrentHashMap.newKeySet();
            AtomicInteger results = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(THREADS);
            int rounds = 0;
            try {
                while (rounds < MAX_ROUNDS && mock.pipelineExecutions().stream()
                        .anyMatch(e -> e.status() == PipelineExecutionStatus.IN_PROGRESS)) {
                    // Fewer faults an operation a round than the SDK's attempts: whichever thread draws them, each
                    // call succeeds within its retries.
                    mock.failNext(Operation.ACKNOWLEDGE_JOB, FAULTS, InjectedFault.error(AwsError.INTERNAL_FAILURE));
                    mock.failNext(Operation.PUT_JOB_SUCCESS_RESULT, FAULTS, InjectedFault.error(AwsError.THROTTLING));
                    mock.failNext(Operation.POLL_FOR_JOBS, FAULTS, InjectedFault.error(AwsError.THROTTLING));
                    List<Future<?>> round = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        round.add(workers.submit(() -> work(client, crashed, dispatched, results)));
                    }
                    for (Future<?> worker : round) {
                        worker.get(120, TimeUnit.SECONDS);
                    }
                    clock.advance(DISPATCH_TIMEOUT.plusSeconds(1)); // the crashed workers' dispatches expire
                    rounds++;
                }
            } finally {
                workers.shutdownNow();
            }

            assertThat(rounds).as("rounds of work (a crashed job comes back in the next)").isLessThan(MAX_ROUNDS);
            assertThat(crashed).as("some workers crashed").isNotEmpty();
            for (String id : ids) {
                PipelineExecutionSnapshot execution = mock.pipelineExecution(id);
                assertThat(execution.actions()).as("each action of %s ran once", id)
                        .extracting(a -> a.actionName()).containsExactly("Source", "Deploy");
                if (fails(id)) {
                    assertThat(execution.status()).as(execution.describe()).isEqualTo(PipelineExecutionStatus.FAILED);
                    assertThat(execution.action("Deploy").errorMessage()).isEqualTo("failed " + id);
                } else {
                    assertThat(execution.status()).as(execution.describe())
                            .isEqualTo(PipelineExecutionStatus.SUCCEEDED);
                    assertThat(execution.action("Deploy").status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
                    assertThat(execution.action("Deploy").outputVariables()).containsEntry("Execution", id);
                    assertThat(execution.action("Deploy").jobIds()).hasSize(continues(id) ? 2 : 1);
                }
            }
            List<String> listed = client.listPipelineExecutionsPaginator(r -> r.pipelineName("soak").maxResults(100))
                    .pipelineExecutionSummaries().stream().map(PipelineExecutionSummary::pipelineExecutionId).toList();
            assertThat(listed).hasSize(EXECUTIONS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
            assertThat(mock.problems()).isEmpty();
        }
    }

    /** Polls until no job is left, working each (or crashing on its first dispatch). */
    private static void work(CodePipelineClient client, Set<String> crashed, Set<String> dispatched,
            AtomicInteger results) {
        while (true) {
            List<Job> jobs = client.pollForJobs(r -> r.actionTypeId(SDK_TYPE).maxBatchSize(3)).jobs();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                if (dispatched.add(job.id()) && crashesOnFirstDispatch(job.id())) {
                    crashed.add(job.id()); // the worker dies holding the job: it comes back after the timeout
                    continue;
                }
                client.acknowledgeJob(r -> r.jobId(job.id()).nonce(job.nonce()));
                String execution = job.data().pipelineContext().pipelineExecutionId();
                if (fails(execution)) {
                    client.putJobFailureResult(r -> r.jobId(job.id()).failureDetails(f -> f.type(FailureType.JOB_FAILED)
                            .message("failed " + execution)));
                } else if (continues(execution) && job.data().continuationToken() == null) {
                    client.putJobSuccessResult(r -> r.jobId(job.id()).continuationToken("step-2")
                            .executionDetails(d -> d.summary("half way").percentComplete(50)));
                } else {
                    client.putJobSuccessResult(r -> r.jobId(job.id()).outputVariables(Map.of("Execution", execution)));
                }
                results.incrementAndGet();
            }
        }
    }
}
