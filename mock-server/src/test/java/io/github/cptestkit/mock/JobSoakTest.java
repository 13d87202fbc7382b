package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobException;
import software.amazon.awssdk.services.codepipeline.model.InvalidNonceException;

/**
 * The soak: 20,000 jobs, half partner jobs and half custom-action jobs, worked by 32 threads through the real SDK
 * client with faults injected all along (ThrottlingException, InternalFailure, ServiceUnavailable, broken
 * connections, small delays; the SDK retries them with a fast backoff), workers that "crash" after a poll (the job
 * goes back to the queue once the mock's clock passes the dispatch timeout: no sleeps) and successes that continue
 * the action with a new job; bounded at 120 seconds. Afterwards every job has ended in exactly one terminal state
 * with the result its worker put, no job was dispatched again while its dispatch was valid, the mock kept at most
 * {@value #RETAINED} finished jobs and its 1,000 journal entries, and the heap after GC grew by less than
 * {@value #HEAP_GROWTH_MIB} MiB.
 *
 * <p>The clock moves only while no worker is between a poll and its acknowledgements (a read-write lock): a moved
 * clock stands for time in which the crashed workers' dispatches expired, not for a live worker stalling. (A partner
 * worker that stalls past the timeout between its poll and GetThirdPartyJobDetails gets the next worker's nonce;
 * only the first of the two to acknowledge claims the job, the other gets InvalidNonceException: docs/fidelity.md.)
 */
class JobSoakTest {

    static final int JOBS = 20_000;
    static final int THREADS = 32;
    static final int BACKLOG = 1_000;
    static final int RETAINED = 2_000;
    static final int HEAP_GROWTH_MIB = 96;
    /** About 40 s on two idle cores; the bound leaves room for a busy machine. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    static final Duration DISPATCH_TIMEOUT = Duration.ofMinutes(1);
    static final ActionTypeId PARTNER_TYPE = new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "Soak",
            "1");
    static final ActionTypeId CUSTOM_TYPE = new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.CUSTOM, "Soak", "1");
    static final FakeThirdPartyJob PARTNER = FakeJobs.withSeed(5).thirdParty().preset(Preset.MINIMAL)
            .category(PARTNER_TYPE.category()).provider(PARTNER_TYPE.provider()).version("1").build();
    static final FakeCustomJob CUSTOM = FakeJobs.withSeed(6).custom().preset(Preset.MINIMAL)
            .category(CUSTOM_TYPE.category()).provider(CUSTOM_TYPE.provider()).version("1").build();

    final MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final Semaphore backlog = new Semaphore(BACKLOG);
    /** Held (shared) by each worker from its poll to its acknowledgements; the clock moves under it (exclusive). */
    final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock(true);
    final AtomicInteger expected = new AtomicInteger(JOBS);
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger continued = new AtomicInteger();
    final AtomicInteger crashes = new AtomicInteger();
    final AtomicInteger waitingCrashes = new AtomicInteger();
    final AtomicInteger clockMoves = new AtomicInteger();
    final AtomicInteger expiredForLiveWorkers = new AtomicInteger();
    final AtomicInteger faultsPlanned = new AtomicInteger();
    final Map<String, AtomicInteger> gaveUpOn = new ConcurrentHashMap<>();
    /** Per job, each dispatch: the clock just before the poll and just after it. */
    final Map<String, List<Instant[]>> dispatches = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> acknowledgedInProgress = new ConcurrentHashMap<>();
    final Map<String, String> results = new ConcurrentHashMap<>();
    final List<String> resultsPutTwice = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger observed = new AtomicInteger();
    final AtomicInteger mostJobsKept = new AtomicInteger();
    final AtomicInteger mostJournalEntries = new AtomicInteger();

    @Test
    void twentyThousandJobsAndThirtyTwoWorkersWithFaultsEndEachJobOnceAndKeepMemoryBounded() throws Exception {
        long heapBefore = heapAfterGc();
        long started = System.nanoTime();
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).dispatchTimeout(DISPATCH_TIMEOUT)
                .retainedFinishedJobs(RETAINED).build().start();
                CodePipelineClient client = client(mock)) {
            mock.registerActionType(PARTNER_TYPE);
            mock.registerActionType(CUSTOM_TYPE);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
            try {
                List<Future<?>> running = new ArrayList<>();
                running.add(threads.submit(() -> feed(mock)));
                for (int worker = 0; worker < THREADS; worker++) {
                    int id = worker;
                    running.add(threads.submit(() -> work(mock, client, id)));
                }
                threads.shutdown();
                boolean done = threads.awaitTermination(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(done).as("the soak finished within %s: %d of %d jobs finished, %d crashes; unfinished:"
                        + " %s; gave up on %s", TIME_LIMIT, finished.get(), expected.get(), crashes.get(),
                        done ? "" : unfinished(mock), gaveUpOn).isTrue();
                for (Future<?> future : running) {
                    future.get(); // a worker's failure fails the test with its own message
                }
            } finally {
                threads.shutdownNow();
            }

            List<JobSnapshot> kept = mock.jobs();
            System.out.printf("soak: %d jobs (%d continuations) by %d threads in %d s; %d crashes, %d clock moves,"
                    + " %d faults planned, calls the SDK gave up on %s; kept %d jobs (at most %d), forgot %d; journal"
                    + " at most %d entries%n", expected.get(), continued.get(), THREADS,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), crashes.get(), clockMoves.get(),
                    faultsPlanned.get(), gaveUpOn, kept.size(), mostJobsKept.get(), mock.forgottenJobs(),
                    mostJournalEntries.get());

            assertThat(finished.get()).isEqualTo(expected.get());
            assertThat(resultsPutTwice).as("results put twice").isEmpty();
            assertThat(results).hasSize(expected.get());
            assertThat(expiredForLiveWorkers.get()).as("dispatches a live worker found expired").isZero();
            assertThat(clockMoves.get()).as("crashed jobs came back after the clock moved").isPositive();
            assertThat(acknowledgedInProgress).hasSize(expected.get());
            assertThat(acknowledgedInProgress.values()).as("each job acknowledged into progress once")
                    .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            dispatches.forEach((jobId, times) -> {
                for (int i = 1; i < times.size(); i++) {
                    assertThat(Duration.between(times.get(i - 1)[0], times.get(i)[1])).as("job %s dispatched again"
                            + " while its dispatch %d was valid", jobId, i).isGreaterThanOrEqualTo(DISPATCH_TIMEOUT);
                }
            });
            assertThat(kept).as("only finished jobs are left, each with the result its worker put")
                    .allSatisfy(job -> assertThat(job.status().wire()).isEqualTo(results.get(job.jobId())));
            assertThat(kept).hasSize(RETAINED);
            assertThat(mock.forgottenJobs()).isEqualTo(expected.get() - RETAINED);
            assertThat(mostJobsKept.get()).isLessThanOrEqualTo(RETAINED + BACKLOG + continued.get());
            // WireMock trims its journal after each addition: concurrent requests may overshoot it for a moment.
            assertThat(mostJournalEntries.get())
                    .isLessThanOrEqualTo(CodePipelineMock.DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES + THREADS);
            assertThat(mock.problems()).isEmpty();
        }
        long heapAfter = heapAfterGc();
        System.out.printf("soak: heap used after GC %d MiB before, %d MiB after%n", heapBefore >> 20, heapAfter >> 20);
        assertThat((heapAfter - heapBefore) >> 20).as("heap growth in MiB").isLessThan(HEAP_GROWTH_MIB);
    }

    // ---------------------------------------------------------------- the feeder and the workers

    /** Queues the jobs, half of each family, never more than {@value #BACKLOG} ahead of the workers. */
    void feed(CodePipelineMock mock) {
        for (int n = 0; n < JOBS; n++) {
            backlog.acquireUninterruptibly();
            String id = UUID.randomUUID().toString();
            if (n % 2 == 0) {
                mock.enqueue(new FakeThirdPartyJob(PARTNER.clientId(), PARTNER.clientToken(),
                        new ThirdPartyJobDetails(id, PARTNER.details().data(), null), List.of()));
            } else {
                mock.enqueue(new FakeCustomJob(new Job(id, CUSTOM.job().data(), null, CUSTOM.job().accountId()),
                        List.of()));
            }
        }
    }

    void work(CodePipelineMock mock, CodePipelineClient client, int worker) {
        Random random = new Random(worker);
        while (finished.get() < expected.get()) {
            if (random.nextInt(50) == 0) {
                planFault(mock, random);
            }
            List<Runnable> results = new ArrayList<>();
            int polled = 0;
            inFlight.readLock().lock(); // from the poll to the acknowledgements the clock stands still for it
            try {
                polled = worker % 2 == 0 ? partnerRound(client, random, results) : customRound(client, random, results);
            } catch (SdkException gaveUp) {
                gaveUp(gaveUp); // a poll that failed more often than the SDK's attempts: the worker goes on
            } finally {
                inFlight.readLock().unlock();
            }
            results.forEach(Runnable::run);
            moveClockIfCrashedJobsWait(polled == 0);
            if (polled == 0) {
                LockSupport.parkNanos(200_000); // an idle worker waits a little before it polls again
            }
            observe(mock);
        }
    }

    int partnerRound(CodePipelineClient client, Random random, List<Runnable> results) {
        String token = PARTNER.clientToken();
        Instant before = clock.instant();
        var polled = client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(PARTNER_TYPE)).maxBatchSize(10)).jobs();
        Instant after = clock.instant();
        for (var job : polled) {
            dispatched(job.jobId(), before, after);
            upToAcknowledgement(() -> {
                var details = client.getThirdPartyJobDetails(r -> r.jobId(job.jobId()).clientToken(token))
                        .jobDetails();
                if (crash(random) || !inProgress(job.jobId(), client.acknowledgeThirdPartyJob(r -> r
                        .jobId(job.jobId()).nonce(details.nonce()).clientToken(token)).statusAsString())) {
                    return;
                }
                String outcome = outcome(job.jobId(), details.data().continuationToken());
                results.add(() -> putResult(job.jobId(), outcome, () -> {
                    switch (outcome) {
                        case "failure" -> client.putThirdPartyJobFailureResult(r -> r.jobId(job.jobId())
                                .clientToken(token).failureDetails(f -> f.type(FailureType.JOB_FAILED)
                                        .message("soak failure")));
                        case "continue" -> client.putThirdPartyJobSuccessResult(r -> r.jobId(job.jobId())
                                .clientToken(token).continuationToken("step-2"));
                        default -> client.putThirdPartyJobSuccessResult(r -> r.jobId(job.jobId())
                                .clientToken(token).executionDetails(e -> e.summary("soak").percentComplete(100)));
                    }
                }));
            });
        }
        return polled.size();
    }

    int customRound(CodePipelineClient client, Random random, List<Runnable> results) {
        Instant before = clock.instant();
        var polled = client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)).maxBatchSize(10)).jobs();
        Instant after = clock.instant();
        for (var job : polled) {
            dispatched(job.id(), before, after);
            upToAcknowledgement(() -> {
                if (crash(random) || !inProgress(job.id(), client.acknowledgeJob(r -> r.jobId(job.id())
                        .nonce(job.nonce())).statusAsString())) {
                    return;
                }
                String outcome = outcome(job.id(), job.data().continuationToken());
                results.add(() -> putResult(job.id(), outcome, () -> {
                    switch (outcome) {
                        case "failure" -> client.putJobFailureResult(r -> r.jobId(job.id())
                                .failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message("soak failure")));
                        case "continue" -> client.putJobSuccessResult(r -> r.jobId(job.id())
                                .continuationToken("step-2"));
                        default -> client.putJobSuccessResult(r -> r.jobId(job.id())
                                .outputVariables(Map.of("SOAK", "1")));
                    }
                }));
            });
        }
        return polled.size();
    }

    /**
     * A polled job up to its acknowledgement. When the SDK gives up on a call (more faults in a row than its
     * attempts), the worker leaves the job as a crashed one would: it comes back once the clock moves.
     */
    void upToAcknowledgement(Runnable work) {
        try {
            work.run();
        } catch (InvalidNonceException | InvalidJobException expired) {
            expiredForLiveWorkers.incrementAndGet(); // cannot happen while the clock stands still: asserted
        } catch (SdkException gaveUp) {
            gaveUp(gaveUp);
            waitingCrashes.incrementAndGet();
        }
    }

    /** A result is put until the mock answers it: faults never reach the job store, so a retry cannot count twice. */
    void putResult(String jobId, String outcome, Runnable put) {
        for (int attempt = 1; ; attempt++) {
            try {
                put.run();
                break;
            } catch (SdkException gaveUp) {
                gaveUp(gaveUp);
                if (attempt == 20) {
                    throw gaveUp;
                }
            }
        }
        String status = outcome.equals("failure") ? JobStatus.FAILED.wire() : JobStatus.SUCCEEDED.wire();
        if (results.putIfAbsent(jobId, status) != null) {
            resultsPutTwice.add(jobId);
        }
        finished.incrementAndGet();
        backlog.release();
    }

    // ---------------------------------------------------------------- crashes, the clock, faults

    /** One job in 400, the worker dies before it acknowledges: the job stays dispatched until the clock moves. */
    boolean crash(Random random) {
        if (random.nextInt(400) != 0) {
            return false;
        }
        crashes.incrementAndGet();
        waitingCrashes.incrementAndGet();
        return true;
    }

    /**
     * Moves the clock past the dispatch timeout, so that crashed jobs go back to the queue: after ten crashes, or
     * when a worker finds nothing to poll while crashed jobs wait; only while no worker holds a dispatch.
     */
    void moveClockIfCrashedJobsWait(boolean idle) {
        int waiting = waitingCrashes.get();
        if (waiting == 0 || !idle && waiting < 10) {
            return;
        }
        inFlight.writeLock().lock();
        try {
            if (waitingCrashes.getAndSet(0) > 0) {
                clockMoves.incrementAndGet();
                clock.advance(DISPATCH_TIMEOUT.plusSeconds(1));
            }
        } finally {
            inFlight.writeLock().unlock();
        }
    }

    /** Faults on the next call of an operation: AWS errors the SDK retries, broken connections, small delays. */
    void planFault(CodePipelineMock mock, Random random) {
        faultsPlanned.incrementAndGet();
        Operation operation = Operation.jobOperations().get(random.nextInt(Operation.jobOperations().size()));
        InjectedFault fault = switch (random.nextInt(5)) {
            case 0 -> InjectedFault.error(AwsError.THROTTLING);
            case 1 -> InjectedFault.error(AwsError.INTERNAL_FAILURE);
            case 2 -> InjectedFault.error(AwsError.SERVICE_UNAVAILABLE);
            case 3 -> InjectedFault.socket(random.nextBoolean() ? Fault.CONNECTION_RESET_BY_PEER : Fault.EMPTY_RESPONSE);
            default -> InjectedFault.delay(Duration.ofMillis(1 + random.nextInt(3)));
        };
        mock.failNext(operation, 1, fault);
    }

    // ---------------------------------------------------------------- bookkeeping

    void dispatched(String jobId, Instant before, Instant after) {
        dispatches.computeIfAbsent(jobId, id -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Instant[] {before, after});
    }

    boolean inProgress(String jobId, String status) {
        assertThat(status).as("acknowledged status of %s", jobId).isEqualTo(JobStatus.IN_PROGRESS.wire());
        acknowledgedInProgress.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    /** Most jobs succeed; some fail; some first jobs (no continuation token yet) continue the action. */
    String outcome(String jobId, String continuationToken) {
        int draw = Math.floorMod(jobId.hashCode(), 100);
        if (draw < 15) {
            return "failure";
        }
        if (draw < 20 && continuationToken == null) {
            expected.incrementAndGet(); // the continuation job to come counts before its parent finishes
            continued.incrementAndGet();
            return "continue";
        }
        return "success";
    }

    void gaveUp(SdkException gaveUp) {
        gaveUpOn.computeIfAbsent(gaveUp.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Every 500 jobs, what the mock keeps: its jobs and its request journal (one worker looks). */
    void observe(CodePipelineMock mock) {
        int due = finished.get() / 500;
        int seen = observed.get();
        if (due <= seen || !observed.compareAndSet(seen, due)) {
            return;
        }
        mostJobsKept.accumulateAndGet(mock.jobs().size(), Math::max);
        mostJournalEntries.accumulateAndGet(mock.wireMock().getAllServeEvents().size(), Math::max);
    }

    /** The first jobs not finished, with their calls: what a soak that runs out of time reports. */
    static String unfinished(CodePipelineMock mock) {
        return mock.jobs().stream().filter(job -> job.result() == null).limit(5)
                .map(job -> job.jobId() + " " + job.status().wire() + " " + job.calls()).toList().toString();
    }

    /**
     * The SDK client the workers share: a connection pool for all of them, a fast backoff, no retry quota, and
     * anonymous credentials (the mock checks no signature unless asked to, and signing 100,000 calls on two cores
     * costs as much as answering them).
     */
    static CodePipelineClient client(CodePipelineMock mock) {
        BackoffStrategy fast = BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(20));
        return SdkClients.builder(mock)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(THREADS * 2))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(6).backoffStrategy(fast).throttlingBackoffStrategy(fast)
                        .circuitBreakerEnabled(false).build()))
                .build();
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
