package io.github.cptestkit.mock.internal;

import static io.github.cptestkit.mock.TestJobs.CLIENT_ID;
import static io.github.cptestkit.mock.TestJobs.CLIENT_TOKEN;
import static io.github.cptestkit.mock.TestJobs.CUSTOM_TYPE;
import static io.github.cptestkit.mock.TestJobs.LAMBDA_TYPE;
import static io.github.cptestkit.mock.TestJobs.THIRD_PARTY_TYPE;
import static io.github.cptestkit.mock.TestJobs.jobId;
import static io.github.cptestkit.schemas.Operation.ACKNOWLEDGE_JOB;
import static io.github.cptestkit.schemas.Operation.ACKNOWLEDGE_THIRD_PARTY_JOB;
import static io.github.cptestkit.schemas.Operation.POLL_FOR_JOBS;
import static io.github.cptestkit.schemas.Operation.PUT_JOB_FAILURE_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_JOB_SUCCESS_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.fixtures.ActionCategory;
import io.github.cptestkit.fixtures.ActionOwner;
import io.github.cptestkit.fixtures.ActionTypeId;
import io.github.cptestkit.fixtures.CurrentRevision;
import io.github.cptestkit.fixtures.FailureDetails;
import io.github.cptestkit.fixtures.FailureType;
import io.github.cptestkit.fixtures.FakeCustomJob;
import io.github.cptestkit.fixtures.Job;
import io.github.cptestkit.fixtures.JobStatus;
import io.github.cptestkit.mock.ActionTypeSettings;
import io.github.cptestkit.mock.ConcurrentPollers;
import io.github.cptestkit.mock.JobResult;
import io.github.cptestkit.mock.JobSnapshot;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.RecordedCall;
import io.github.cptestkit.mock.TestJobs;
import io.github.cptestkit.schemas.AwsError;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobStoreTest {

    final MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final JobStore store = new JobStore(JobStore.Settings.defaults(clock));

    static AwsError refusal(ThrowingCallable call) {
        AwsException refused = catchThrowableOfType(AwsException.class, call);
        assertThat(refused).as("the call is refused with an AWS error").isNotNull();
        return refused.error();
    }

    Job pollOneCustom() {
        List<Job> jobs = store.pollCustom(CUSTOM_TYPE, 1, Map.of());
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    Job startCustom(int n) {
        store.enqueueCustom(TestJobs.custom(n));
        Job job = pollOneCustom();
        assertThat(store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null)).isEqualTo(JobStatus.IN_PROGRESS);
        return job;
    }

    JobStatus status(String jobId) {
        return store.snapshot(jobId).orElseThrow().status();
    }

    @Nested
    class Polling {

        @Test
        void aPolledJobIsDispatchedWithItsNonceAndNotHandedOutAgain() {
            store.enqueueCustom(TestJobs.custom(1));
            Job job = pollOneCustom();
            assertThat(job.id()).isEqualTo(jobId(1));
            assertThat(job.nonce()).isEqualTo("nonce-1");
            assertThat(job.accountId()).isEqualTo(TestJobs.ACCOUNT_ID);
            assertThat(status(jobId(1))).isEqualTo(JobStatus.DISPATCHED);
            assertThat(store.pollCustom(CUSTOM_TYPE, 10, Map.of())).isEmpty();
        }

        @Test
        void thirdPartyPollsAnswerTheClientIdWithEachJob() {
            store.enqueueThirdParty(TestJobs.thirdParty(1));
            assertThat(store.pollThirdParty(THIRD_PARTY_TYPE, 5))
                    .singleElement()
                    .satisfies(job -> {
                        assertThat(job.clientId()).isEqualTo(CLIENT_ID);
                        assertThat(job.jobId()).isEqualTo(jobId(1));
                    });
        }

        @Test
        void maxBatchSizeLimitsAPollAndJobsComeInQueueOrder() {
            for (int n = 1; n <= 5; n++) {
                store.enqueueCustom(TestJobs.custom(n));
            }
            assertThat(store.pollCustom(CUSTOM_TYPE, 3, Map.of())).extracting(Job::id)
                    .containsExactly(jobId(1), jobId(2), jobId(3));
            assertThat(store.pollCustom(CUSTOM_TYPE, 3, Map.of())).extracting(Job::id)
                    .containsExactly(jobId(4), jobId(5));
        }

        @Test
        void anUnknownActionTypeIsActionTypeNotFoundAndARegisteredOneAnswersNoJobs() {
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 1, Map.of())))
                    .isEqualTo(AwsError.ACTION_TYPE_NOT_FOUND);
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults());
            assertThat(store.pollCustom(CUSTOM_TYPE, 1, Map.of())).isEmpty();
        }

        @Test
        void pollForJobsWithAnOwnerOtherThanCustomIsAValidationError() {
            store.enqueueThirdParty(TestJobs.thirdParty(1));
            assertThat(refusal(() -> store.pollCustom(THIRD_PARTY_TYPE, 1, Map.of()))).isEqualTo(AwsError.VALIDATION);
            assertThat(refusal(() -> store.pollCustom(LAMBDA_TYPE, 1, Map.of()))).isEqualTo(AwsError.VALIDATION);
            assertThat(refusal(() -> store.pollThirdParty(CUSTOM_TYPE, 1))).isEqualTo(AwsError.VALIDATION);
            assertThat(status(jobId(1))).isEqualTo(JobStatus.QUEUED);
        }

        @Test
        void queryParamDispatchesOnlyJobsWhoseQueryablePropertyMatches() {
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withQueryableProperty("ProjectName"));
            store.enqueueCustom(TestJobs.custom(1, Map.of("ProjectName", "payments")));
            store.enqueueCustom(TestJobs.custom(2, Map.of("ProjectName", "billing")));
            assertThat(store.pollCustom(CUSTOM_TYPE, 5, Map.of("ProjectName", "billing"))).extracting(Job::id)
                    .containsExactly(jobId(2));
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 5, Map.of()))).isEqualTo(AwsError.VALIDATION);
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 5, Map.of("Other", "x"))))
                    .isEqualTo(AwsError.VALIDATION);
        }

        @Test
        void queryParamOnATypeWithoutAQueryablePropertyIsAValidationError() {
            store.enqueueCustom(TestJobs.custom(1));
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 5, Map.of("ProjectName", "payments"))))
                    .isEqualTo(AwsError.VALIDATION);
        }
    }

    @Nested
    class DispatchTimeout {

        @Test
        void aDispatchedJobNotAcknowledgedInTimeIsHandedOutAgainWithANewNonce() {
            store.enqueueCustom(TestJobs.custom(1));
            Job first = pollOneCustom();
            clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT.minusSeconds(1));
            assertThat(store.pollCustom(CUSTOM_TYPE, 1, Map.of())).as("still dispatched").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            Job second = pollOneCustom();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.nonce()).isNotEqualTo(first.nonce());
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, first.id(), first.nonce(), null)))
                    .as("the first worker's nonce is stale").isEqualTo(AwsError.INVALID_NONCE);
            assertThat(store.acknowledge(ACKNOWLEDGE_JOB, second.id(), second.nonce(), null))
                    .isEqualTo(JobStatus.IN_PROGRESS);
        }

        @Test
        void aReturnedJobKeepsItsPlaceAheadOfNewerJobs() {
            store.enqueueCustom(TestJobs.custom(1));
            pollOneCustom();
            store.enqueueCustom(TestJobs.custom(2));
            clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT);
            assertThat(store.pollCustom(CUSTOM_TYPE, 2, Map.of())).extracting(Job::id)
                    .containsExactly(jobId(1), jobId(2));
        }

        @Test
        void anAcknowledgeAfterTheDispatchTimeoutIsInvalidNonceAndTheJobIsQueued() {
            store.enqueueCustom(TestJobs.custom(1));
            Job job = pollOneCustom();
            clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT.plusSeconds(5));
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
            assertThat(status(job.id())).isEqualTo(JobStatus.QUEUED);
        }

        @Test
        void theDispatchTimeoutIsConfigurable() {
            JobStore quick = new JobStore(new JobStore.Settings(clock, Duration.ofSeconds(5), null,
                    JobStore.OUTPUT_VARIABLES_LIMIT_BYTES, () -> "unused"));
            quick.enqueueCustom(TestJobs.custom(1));
            assertThat(quick.pollCustom(CUSTOM_TYPE, 1, Map.of())).hasSize(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(quick.snapshot(jobId(1)).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    @Nested
    class Acknowledge {

        @Test
        void aWrongNonceIsInvalidNonceAndLeavesTheJobDispatched() {
            store.enqueueCustom(TestJobs.custom(1));
            Job job = pollOneCustom();
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), "other", null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
            assertThat(status(job.id())).isEqualTo(JobStatus.DISPATCHED);
        }

        @Test
        void anAcknowledgeOfAJobNeverPolledIsInvalidNonce() {
            store.enqueueCustom(TestJobs.custom(1));
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, jobId(1), "nonce-1", null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
        }

        @Test
        void aSecondAcknowledgeWithTheSameNonceAnswersInProgressAgain() {
            Job job = startCustom(1);
            Instant started = clock.instant();
            clock.advance(Duration.ofMinutes(5));
            assertThat(store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null))
                    .isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(JobStore.DEFAULT_JOB_TIMEOUT.minusMinutes(5));
            assertThat(status(job.id())).as("the timeout runs from the first acknowledge (%s)", started)
                    .isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void anAcknowledgeAfterTheJobTimedOutAnswersTimedOut() {
            Job job = startCustom(1);
            clock.advance(JobStore.DEFAULT_JOB_TIMEOUT);
            assertThat(store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null))
                    .isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void anAcknowledgeOfAFinishedJobAnswersItsStatus() {
            Job job = startCustom(1);
            store.putFailure(PUT_JOB_FAILURE_RESULT, job.id(), null,
                    new FailureDetails(FailureType.JOB_FAILED, "boom", null));
            assertThat(store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null)).isEqualTo(JobStatus.FAILED);
        }
    }

    @Nested
    class JobTimeout {

        @Test
        void anInProgressJobTimesOutAfter24HoursByDefaultAndRefusesResults() {
            Job job = startCustom(1);
            clock.advance(JobStore.DEFAULT_JOB_TIMEOUT.minusSeconds(1));
            assertThat(status(job.id())).isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofSeconds(1));
            assertThat(status(job.id())).isEqualTo(JobStatus.TIMED_OUT);
            assertThat(refusal(() -> store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null, null, null)))
                    .isEqualTo(AwsError.INVALID_JOB_STATE);
        }

        @Test
        void anActionTypesJobTimeoutWinsOverTheDefault() {
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withJobTimeout(Duration.ofMinutes(5)));
            Job job = startCustom(1);
            clock.advance(Duration.ofMinutes(5));
            assertThat(status(job.id())).isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void anActionTypesJobTimeoutMustLieBetween60And43200Seconds() {
            assertThatThrownBy(() -> ActionTypeSettings.defaults().withJobTimeout(Duration.ofSeconds(59)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 60 and 43200 seconds, but was 59 seconds");
            assertThatThrownBy(() -> ActionTypeSettings.defaults().withJobTimeout(Duration.ofSeconds(43_201)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aLambdaInvokeJobIsInProgressAtOnceAndTimesOutAfter20Minutes() {
            store.enqueueCustom(TestJobs.lambda(1));
            assertThat(status(jobId(1))).isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofMinutes(20));
            assertThat(status(jobId(1))).isEqualTo(JobStatus.TIMED_OUT);
        }
    }

    @Nested
    class Results {

        @Test
        void aSuccessIsRecordedWithItsRevision() {
            Job job = startCustom(1);
            CurrentRevision revision = new CurrentRevision("r-1", "change-1", Instant.parse("2025-12-31T23:00:00Z"),
                    "Fix");
            JobResult.Success success = store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, revision, null,
                    null, Map.of("IMAGE_TAG", "1.2.3"));
            assertThat(success.at()).isEqualTo(clock.instant());
            JobSnapshot snapshot = store.snapshot(job.id()).orElseThrow();
            assertThat(snapshot.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(snapshot.success().currentRevision()).isEqualTo(revision);
            assertThat(snapshot.success().outputVariables()).containsExactly(Map.entry("IMAGE_TAG", "1.2.3"));
        }

        @Test
        void aResultOnAFinishedJobIsInvalidJobState() {
            Job job = startCustom(1);
            store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null, null, null);
            assertThat(refusal(() -> store.putFailure(PUT_JOB_FAILURE_RESULT, job.id(), null,
                    new FailureDetails(FailureType.JOB_FAILED, "late", null))))
                    .isEqualTo(AwsError.INVALID_JOB_STATE);
            assertThat(store.snapshot(job.id()).orElseThrow().result()).isInstanceOf(JobResult.Success.class);
        }

        @Test
        void aResultOnAJobNotYetAcknowledgedIsInvalidJobState() {
            store.enqueueCustom(TestJobs.custom(1));
            assertThat(refusal(() -> store.putSuccess(PUT_JOB_SUCCESS_RESULT, jobId(1), null, null, null, null,
                    null))).isEqualTo(AwsError.INVALID_JOB_STATE);
            pollOneCustom();
            assertThat(refusal(() -> store.putSuccess(PUT_JOB_SUCCESS_RESULT, jobId(1), null, null, null, null,
                    null))).isEqualTo(AwsError.INVALID_JOB_STATE);
        }

        @Test
        void aSuccessWithAContinuationTokenQueuesANewJobCarryingTheToken() {
            Job job = startCustom(1);
            JobResult.Success success = store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null,
                    "deployment-42", null);
            assertThat(status(job.id())).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(success.continuationJobId()).isNotNull().isNotEqualTo(job.id());
            Job next = pollOneCustom();
            assertThat(next.id()).isEqualTo(success.continuationJobId());
            assertThat(next.data().continuationToken()).isEqualTo("deployment-42");
            assertThat(next.data().withContinuationToken(null)).isEqualTo(job.data());
            assertThat(store.snapshot(next.id()).orElseThrow().continuedFromJobId()).isEqualTo(job.id());
        }

        @Test
        void aLambdaSuccessWithAContinuationTokenStartsTheNextJobAtOnce() {
            store.enqueueCustom(TestJobs.lambda(1));
            String next = store.putSuccess(PUT_JOB_SUCCESS_RESULT, jobId(1), null, null, null, "still-going", null)
                    .continuationJobId();
            assertThat(status(next)).isEqualTo(JobStatus.IN_PROGRESS);
        }

        @Test
        void outputVariablesOverTheLimitAreOutputVariablesSizeExceeded() {
            Job job = startCustom(1);
            String exactly = "v".repeat(JobStore.OUTPUT_VARIABLES_LIMIT_BYTES - 1);
            assertThat(refusal(() -> store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null, null,
                    Map.of("K", exactly + "x")))).isEqualTo(AwsError.OUTPUT_VARIABLES_SIZE_EXCEEDED);
            assertThat(status(job.id())).isEqualTo(JobStatus.IN_PROGRESS);
            store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null, null, Map.of("K", exactly));
            assertThat(status(job.id())).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void outputVariablesTogetherWithAContinuationTokenAreAValidationError() {
            Job job = startCustom(1);
            assertThat(refusal(() -> store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null, "t",
                    Map.of("K", "v")))).isEqualTo(AwsError.VALIDATION);
        }
    }

    @Nested
    class ThirdPartyJobs {

        @Test
        void aWrongClientTokenIsInvalidClientTokenOnEveryCallAndIsRecorded() {
            store.enqueueThirdParty(TestJobs.thirdParty(1));
            store.pollThirdParty(THIRD_PARTY_TYPE, 1);
            assertThat(refusal(() -> store.thirdPartyJobDetails(jobId(1), "wrong")))
                    .isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_THIRD_PARTY_JOB, jobId(1), "nonce-1", "wrong")))
                    .isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(refusal(() -> store.putSuccess(PUT_THIRD_PARTY_JOB_SUCCESS_RESULT, jobId(1), "wrong", null,
                    null, null, null))).isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(store.snapshot(jobId(1)).orElseThrow().calls()).extracting(RecordedCall::error)
                    .containsExactly(null, AwsError.INVALID_CLIENT_TOKEN, AwsError.INVALID_CLIENT_TOKEN,
                            AwsError.INVALID_CLIENT_TOKEN);
        }

        @Test
        void detailsOfAJobNotYetDispatchedAreInvalidJob() {
            store.enqueueThirdParty(TestJobs.thirdParty(1));
            assertThat(refusal(() -> store.thirdPartyJobDetails(jobId(1), CLIENT_TOKEN)))
                    .isEqualTo(AwsError.INVALID_JOB);
            store.pollThirdParty(THIRD_PARTY_TYPE, 1);
            assertThat(store.thirdPartyJobDetails(jobId(1), CLIENT_TOKEN).nonce()).isEqualTo("nonce-1");
        }

        @Test
        void customOperationsDoNotFindThirdPartyJobsAndTheOtherWayRound() {
            store.enqueueThirdParty(TestJobs.thirdParty(1));
            store.enqueueCustom(TestJobs.custom(2));
            assertThat(refusal(() -> store.jobDetails(jobId(1)))).isEqualTo(AwsError.JOB_NOT_FOUND);
            assertThat(refusal(() -> store.thirdPartyJobDetails(jobId(2), CLIENT_TOKEN)))
                    .isEqualTo(AwsError.JOB_NOT_FOUND);
            assertThat(refusal(() -> store.jobDetails(jobId(3)))).isEqualTo(AwsError.JOB_NOT_FOUND);
        }

        @Test
        void aClientHasOneToken() {
            store.registerClient(CLIENT_ID, CLIENT_TOKEN);
            store.registerClient(CLIENT_ID, CLIENT_TOKEN);
            assertThatThrownBy(() -> store.registerClient(CLIENT_ID, "tok3n-X"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(CLIENT_ID).hasMessageNotContaining("tok3n-X");
        }
    }

    @Nested
    class Enqueue {

        @Test
        void aJobIdCanBeQueuedOnce() {
            store.enqueueCustom(TestJobs.custom(1));
            assertThatThrownBy(() -> store.enqueueCustom(TestJobs.custom(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(jobId(1));
        }

        @Test
        void eachFixtureTypeTakesOnlyItsOwners() {
            FakeCustomJob thirdPartyOwned = new FakeCustomJob(new Job(jobId(1),
                    TestJobs.data(THIRD_PARTY_TYPE, 1, Map.of()), null, TestJobs.ACCOUNT_ID), List.of());
            assertThatThrownBy(() -> store.enqueueCustom(thirdPartyOwned))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FakeThirdPartyJob");
        }

        @Test
        void everyCallOnAJobIsRecordedInOrderWithItsOutcome() {
            Job job = startCustom(1);
            store.jobDetails(job.id());
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), "stale", null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
            store.putSuccess(PUT_JOB_SUCCESS_RESULT, job.id(), null, null, null, null, null);
            JobSnapshot snapshot = store.snapshot(job.id()).orElseThrow();
            assertThat(snapshot.operations()).containsExactly(POLL_FOR_JOBS, ACKNOWLEDGE_JOB,
                    io.github.cptestkit.schemas.Operation.GET_JOB_DETAILS, ACKNOWLEDGE_JOB, PUT_JOB_SUCCESS_RESULT);
            assertThat(snapshot.calls()).extracting(RecordedCall::succeeded)
                    .containsExactly(true, true, true, false, true);
        }

        @Test
        void resetForgetsJobsActionTypesAndClients() {
            store.enqueueThirdParty(TestJobs.thirdParty(1));
            store.reset();
            assertThat(store.snapshots()).isEmpty();
            assertThat(refusal(() -> store.pollThirdParty(THIRD_PARTY_TYPE, 1)))
                    .isEqualTo(AwsError.ACTION_TYPE_NOT_FOUND);
            store.registerClient(CLIENT_ID, "a-new-token");
        }
    }

    @Nested
    class ArtifactGrants {

        @Test
        void aJobGrantsItsCredentialsArtifactLocationsAndKmsKey() {
            store.enqueueThirdParty(TestJobs.thirdParty(7));
            ArtifactGrant grant = store.artifactGrant(jobId(7)).orElseThrow();
            assertThat(grant.credentials().accessKeyId()).isEqualTo(TestJobs.accessKeyId(7));
            assertThat(grant.encryptionKey().id()).endsWith(":alias/aws/s3");
            assertThat(grant.buckets()).containsExactly(TestJobs.BUCKET);
            assertThat(grant.allowsRead(TestJobs.BUCKET, TestJobs.input(7).objectKey())).isTrue();
            assertThat(grant.allowsWrite(TestJobs.BUCKET, TestJobs.input(7).objectKey())).isFalse();
            assertThat(grant.allowsWrite(TestJobs.BUCKET, "payments/BuildOutpu/out7")).isTrue();
            assertThat(grant.inputObjects()).singleElement().extracting(o -> o.location())
                    .isEqualTo(TestJobs.input(7));
            assertThat(grant.toString()).doesNotContain(TestJobs.SECRET_ACCESS_KEY, TestJobs.SESSION_TOKEN);
        }

        @Test
        void theGrantBehindAnAccessKeyIsFound() {
            store.enqueueCustom(TestJobs.custom(1));
            store.enqueueCustom(TestJobs.custom(2));
            assertThat(store.artifactGrantForAccessKey(TestJobs.accessKeyId(2))).get()
                    .extracting(ArtifactGrant::jobId).isEqualTo(jobId(2));
            assertThat(store.artifactGrantForAccessKey("ASIAUNKNOWN")).isEmpty();
            assertThat(store.artifactObjects()).hasSize(2);
        }
    }

    @Test
    void thirtyTwoPollersDispatchTwoThousandJobsEachExactlyOnce() throws Exception {
        ActionTypeId type = new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "Concurrent", "1");
        for (int n = 0; n < 2_000; n++) {
            Job job = TestJobs.custom(n).job();
            store.enqueueCustom(new FakeCustomJob(new Job(job.id(), TestJobs.data(type, n, Map.of()), null,
                    job.accountId()), List.of()));
        }
        List<String> dispatched = ConcurrentPollers.drain(32, poller -> () -> store.pollCustom(type,
                1 + poller % 4, Map.of()).stream().map(Job::id).toList());
        assertThat(dispatched).hasSize(2_000);
        assertThat(new HashSet<>(dispatched)).hasSize(2_000);
        assertThat(store.snapshots()).extracting(JobSnapshot::status).containsOnly(JobStatus.DISPATCHED);
    }
}
