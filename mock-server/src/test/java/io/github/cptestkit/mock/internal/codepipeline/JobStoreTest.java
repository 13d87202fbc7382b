package io.github.cptestkit.mock.internal.codepipeline;

import java.util.ArrayList;

import static io.github.cptestkit.schemas.Operation.ACKNOWLEDGE_JOB;
import static io.github.cptestkit.schemas.Operation.ACKNOWLEDGE_THIRD_PARTY_JOB;
import static io.github.cptestkit.schemas.Operation.POLL_FOR_JOBS;
import static io.github.cptestkit.schemas.Operation.PUT_JOB_FAILURE_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_JOB_SUCCESS_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactLocation;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.ConcurrentPollers;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.RecordedCall;
import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
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

    static final FakeJobGenerator FAKES = FakeJobs.withSeed(4);
    static final ActionTypeId CUSTOM_TYPE = custom(0).actionTypeId();
    static final ActionTypeId THIRD_PARTY_TYPE = partner(0).actionTypeId();
    static final ActionTypeId LAMBDA_TYPE = lambda(0).actionTypeId();

    /** Custom job {@code n}, all of one action type (Deploy, Custom, MyDeployer, 1). */
    static FakeCustomJob custom(int n) {
        return FAKES.custom().category(ActionCategory.DEPLOY).provider("MyDeployer").version("1").index(n).build();
    }

    /** Third-party job {@code n}, all of one action type (Build, ThirdParty, MyCi, 1). */
    static FakeThirdPartyJob partner(int n) {
        return FAKES.thirdParty().category(ActionCategory.BUILD).provider("MyCi").version("1").index(n).build();
    }

    static FakeCustomJob lambda(int n) {
        return FAKES.custom().preset(Preset.LAMBDA_INVOKE).index(n).build();
    }

    static String jobId(int n) {
        return custom(n).jobId();
    }

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
        store.enqueueCustom(custom(n));
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
            store.enqueueCustom(custom(1));
            Job job = pollOneCustom();
            assertThat(job.id()).isEqualTo(jobId(1));
            assertThat(job.nonce()).isEqualTo(custom(1).job().nonce());
            assertThat(job.accountId()).isEqualTo(custom(1).job().accountId());
            assertThat(status(jobId(1))).isEqualTo(JobStatus.DISPATCHED);
            assertThat(store.pollCustom(CUSTOM_TYPE, 10, Map.of())).isEmpty();
        }

        @Test
        void thirdPartyPollsAnswerTheClientIdWithEachJob() {
            store.enqueueThirdParty(partner(1));
            assertThat(store.pollThirdParty(THIRD_PARTY_TYPE, 5))
                    .singleElement()
                    .satisfies(job -> {
                        assertThat(job.clientId()).isEqualTo(partner(1).clientId());
                        assertThat(job.jobId()).isEqualTo(partner(1).jobId());
                    });
        }

        @Test
        void maxBatchSizeLimitsAPollAndJobsComeInQueueOrder() {
            for (int n = 1; n <= 5; n++) {
                store.enqueueCustom(custom(n));
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
            store.enqueueThirdParty(partner(1));
            assertThat(refusal(() -> store.pollCustom(THIRD_PARTY_TYPE, 1, Map.of()))).isEqualTo(AwsError.VALIDATION);
            assertThat(refusal(() -> store.pollCustom(LAMBDA_TYPE, 1, Map.of()))).isEqualTo(AwsError.VALIDATION);
            assertThat(refusal(() -> store.pollThirdParty(CUSTOM_TYPE, 1))).isEqualTo(AwsError.VALIDATION);
            assertThat(status(partner(1).jobId())).isEqualTo(JobStatus.QUEUED);
        }

        @Test
        void queryParamDispatchesOnlyJobsWhoseQueryablePropertyMatches() {
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withQueryableProperty("ProjectName"));
            store.enqueueCustom(FAKES.custom().category(ActionCategory.DEPLOY).provider("MyDeployer").version("1")
                    .index(1).configuration("ProjectName", "payments").build());
            store.enqueueCustom(FAKES.custom().category(ActionCategory.DEPLOY).provider("MyDeployer").version("1")
                    .index(2).configuration("ProjectName", "billing").build());
            assertThat(store.pollCustom(CUSTOM_TYPE, 5, Map.of("ProjectName", "billing"))).extracting(Job::id)
                    .containsExactly(jobId(2));
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 5, Map.of()))).isEqualTo(AwsError.VALIDATION);
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 5, Map.of("Other", "x"))))
                    .isEqualTo(AwsError.VALIDATION);
        }

        @Test
        void queryParamOnATypeWithoutAQueryablePropertyIsAValidationError() {
            store.enqueueCustom(custom(1));
            assertThat(refusal(() -> store.pollCustom(CUSTOM_TYPE, 5, Map.of("ProjectName", "payments"))))
                    .isEqualTo(AwsError.VALIDATION);
        }
    }

    @Nested
    class DispatchTimeout {

        @Test
        void aDispatchedJobNotAcknowledgedInTimeIsHandedOutAgainWithANewNonce() {
            store.enqueueCustom(custom(1));
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
            store.enqueueCustom(custom(1));
            pollOneCustom();
            store.enqueueCustom(custom(2));
            clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT);
            assertThat(store.pollCustom(CUSTOM_TYPE, 2, Map.of())).extracting(Job::id)
                    .containsExactly(jobId(1), jobId(2));
        }

        @Test
        void anAcknowledgeAfterTheDispatchTimeoutIsInvalidNonceAndTheJobIsQueued() {
            store.enqueueCustom(custom(1));
            Job job = pollOneCustom();
            clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT.plusSeconds(5));
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
            assertThat(status(job.id())).isEqualTo(JobStatus.QUEUED);
        }

        @Test
        void theDispatchTimeoutIsConfigurable() {
            JobStore quick = new JobStore(new JobStore.Settings(clock, Duration.ofSeconds(5), null,
                    JobStore.OUTPUT_VARIABLES_LIMIT_BYTES, JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME,
                    () -> "unused"));
            quick.enqueueCustom(custom(1));
            assertThat(quick.pollCustom(CUSTOM_TYPE, 1, Map.of())).hasSize(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(quick.snapshot(jobId(1)).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    @Nested
    class Acknowledge {

        @Test
        void aWrongNonceIsInvalidNonceAndLeavesTheJobDispatched() {
            store.enqueueCustom(custom(1));
            Job job = pollOneCustom();
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), "other", null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
            assertThat(status(job.id())).isEqualTo(JobStatus.DISPATCHED);
        }

        @Test
        void anAcknowledgeOfAJobNeverPolledIsInvalidNonce() {
            store.enqueueCustom(custom(1));
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, jobId(1), custom(1).job().nonce(), null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
        }

        @Test
        void aSecondAcknowledgeOfAClaimedJobIsInvalidNonceAndTheTimeoutRunsFromTheFirst() {
            Job job = startCustom(1);
            Instant started = clock.instant();
            clock.advance(Duration.ofMinutes(5));

            AwsException refused = catchThrowableOfType(AwsException.class,
                    () -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null));

            assertThat(refused.error()).isEqualTo(AwsError.INVALID_NONCE);
            assertThat(refused).hasMessageContaining("already claimed").hasMessageContaining("is InProgress");
            assertThat(store.snapshot(job.id()).orElseThrow().calls()).extracting(RecordedCall::error)
                    .last().isEqualTo(AwsError.INVALID_NONCE);
            clock.advance(JobStore.CUSTOM_ACTION_TIMEOUT.minusMinutes(5));
            assertThat(status(job.id())).as("the timeout runs from the first acknowledge (%s)", started)
                    .isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void twoPartnerWorkersHoldingTheSameNonceAfterADispatchTimeoutCannotBothAcknowledge() {
            store.enqueueThirdParty(partner(1));
            String id = partner(1).jobId();
            String token = partner(1).clientToken();
            store.pollThirdParty(THIRD_PARTY_TYPE, 1);                  // worker A polls, then stalls
            clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT);
            store.pollThirdParty(THIRD_PARTY_TYPE, 1);                  // worker B polls the job again
            String nonceOfB = store.thirdPartyJobDetails(id, token).nonce();
            String nonceOfA = store.thirdPartyJobDetails(id, token).nonce(); // A wakes: the current dispatch's nonce
            assertThat(nonceOfA).isEqualTo(nonceOfB);

            assertThat(store.acknowledge(ACKNOWLEDGE_THIRD_PARTY_JOB, id, nonceOfB, token))
                    .isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_THIRD_PARTY_JOB, id, nonceOfA, token)))
                    .as("the documented race: the job is claimed once").isEqualTo(AwsError.INVALID_NONCE);
        }

        @Test
        void anAcknowledgeAfterTheJobTimedOutAnswersTimedOut() {
            Job job = startCustom(1);
            clock.advance(JobStore.CUSTOM_ACTION_TIMEOUT);
            assertThat(store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null)).isEqualTo(JobStatus.TIMED_OUT);
            assertThat(status(job.id())).isEqualTo(JobStatus.TIMED_OUT);
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), "not-the-nonce", null)))
                    .as("another nonce is still refused").isEqualTo(AwsError.INVALID_NONCE);
        }

        @Test
        void anAcknowledgeOfAFinishedJobIsInvalidNonce() {
            Job job = startCustom(1);
            store.putFailure(PUT_JOB_FAILURE_RESULT, job.id(), null,
                    new FailureDetails(FailureType.JOB_FAILED, "boom", null));
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null)))
                    .isEqualTo(AwsError.INVALID_NONCE);
            assertThat(status(job.id())).isEqualTo(JobStatus.FAILED);
        }
    }

    @Nested
    class JobTimeout {

        @Test
        void anInProgressJobTimesOutAfter24HoursByDefaultAndRefusesResults() {
            Job job = startCustom(1);
            clock.advance(JobStore.CUSTOM_ACTION_TIMEOUT.minusSeconds(1));
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
            String jobId = store.enqueueCustom(lambda(1));
            assertThat(status(jobId)).isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofMinutes(20));
            assertThat(status(jobId)).isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void aCustomActionContinuedAfter23HoursTimesOut24HoursAfterItsFirstAcknowledge() {
            Job first = startCustom(1);
            clock.advance(Duration.ofHours(23));
            String next = store.putSuccess(PUT_JOB_SUCCESS_RESULT, first.id(), null, null, null, "step-2", null)
                    .continuationJobId();
            Job polled = pollOneCustom();
            assertThat(store.acknowledge(ACKNOWLEDGE_JOB, next, polled.nonce(), null))
                    .isEqualTo(JobStatus.IN_PROGRESS);

            clock.advance(Duration.ofMinutes(59));
            assertThat(status(next)).isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(status(next)).as("24 hours after the action's first acknowledge, not the job's")
                    .isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void aContinuationJobStillQueuedWhenItsActionRunsOutOfTimeIsTimedOutAndNeverDispatched() {
            Job first = startCustom(1);
            clock.advance(Duration.ofHours(23));
            String next = store.putSuccess(PUT_JOB_SUCCESS_RESULT, first.id(), null, null, null, "step-2", null)
                    .continuationJobId();
            clock.advance(Duration.ofHours(1));

            assertThat(store.pollCustom(CUSTOM_TYPE, 5, Map.of())).isEmpty();
            assertThat(status(next)).isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void aPartnerActionTimesOutAfterOneHourAsAllOtherActionsOfTheQuotasPageDo() {
            store.enqueueThirdParty(partner(1));
            String id = partner(1).jobId();
            store.pollThirdParty(THIRD_PARTY_TYPE, 1);
            String nonce = store.thirdPartyJobDetails(id, partner(1).clientToken()).nonce();
            store.acknowledge(ACKNOWLEDGE_THIRD_PARTY_JOB, id, nonce, partner(1).clientToken());

            clock.advance(JobStore.PARTNER_ACTION_TIMEOUT.minusSeconds(1));
            assertThat(status(id)).isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofSeconds(1));
            assertThat(status(id)).isEqualTo(JobStatus.TIMED_OUT);
        }

        @Test
        void anActionTypesJobTimeoutCountsForEachJobAndTheActionTimeoutStillHolds() {
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withJobTimeout(Duration.ofHours(12)));
            Job first = startCustom(1);
            clock.advance(Duration.ofHours(11));
            String next = store.putSuccess(PUT_JOB_SUCCESS_RESULT, first.id(), null, null, null, "step-2", null)
                    .continuationJobId();
            Job polled = pollOneCustom();
            store.acknowledge(ACKNOWLEDGE_JOB, next, polled.nonce(), null);

            clock.advance(Duration.ofHours(11));
            assertThat(status(next)).as("22 hours into the action, 11 into the job").isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofHours(1));
            assertThat(status(next)).as("its own 12 hours").isEqualTo(JobStatus.TIMED_OUT);
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
            store.enqueueCustom(custom(1));
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
            String jobId = store.enqueueCustom(lambda(1));
            String next = store.putSuccess(PUT_JOB_SUCCESS_RESULT, jobId, null, null, null, "still-going", null)
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
            String jobId = store.enqueueThirdParty(partner(1));
            String nonce = store.pollThirdParty(THIRD_PARTY_TYPE, 1).get(0).details().nonce();
            assertThat(refusal(() -> store.thirdPartyJobDetails(jobId, "wrong")))
                    .isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(refusal(() -> store.acknowledge(ACKNOWLEDGE_THIRD_PARTY_JOB, jobId, nonce, "wrong")))
                    .isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(refusal(() -> store.putSuccess(PUT_THIRD_PARTY_JOB_SUCCESS_RESULT, jobId, "wrong", null,
                    null, null, null))).isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(store.snapshot(jobId).orElseThrow().calls()).extracting(RecordedCall::error)
                    .containsExactly(null, AwsError.INVALID_CLIENT_TOKEN, AwsError.INVALID_CLIENT_TOKEN,
                            AwsError.INVALID_CLIENT_TOKEN);
        }

        @Test
        void detailsOfAJobNotYetDispatchedAreInvalidJob() {
            FakeThirdPartyJob job = partner(1);
            store.enqueueThirdParty(job);
            assertThat(refusal(() -> store.thirdPartyJobDetails(job.jobId(), job.clientToken())))
                    .isEqualTo(AwsError.INVALID_JOB);
            store.pollThirdParty(THIRD_PARTY_TYPE, 1);
            assertThat(store.thirdPartyJobDetails(job.jobId(), job.clientToken()).nonce())
                    .isEqualTo(job.details().nonce());
        }

        @Test
        void customOperationsDoNotFindThirdPartyJobsAndTheOtherWayRound() {
            FakeThirdPartyJob partnerJob = partner(1);
            store.enqueueThirdParty(partnerJob);
            store.enqueueCustom(custom(2));
            assertThat(refusal(() -> store.jobDetails(partnerJob.jobId()))).isEqualTo(AwsError.JOB_NOT_FOUND);
            assertThat(refusal(() -> store.thirdPartyJobDetails(jobId(2), partnerJob.clientToken())))
                    .isEqualTo(AwsError.JOB_NOT_FOUND);
            assertThat(refusal(() -> store.jobDetails(jobId(3)))).isEqualTo(AwsError.JOB_NOT_FOUND);
        }

        @Test
        void aClientHasOneToken() {
            FakeThirdPartyJob job = partner(1);
            store.registerClient(job.clientId(), job.clientToken());
            store.registerClient(job.clientId(), job.clientToken());
            assertThatThrownBy(() -> store.registerClient(job.clientId(), "tok3n-X"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(job.clientId()).hasMessageNotContaining("tok3n-X");
        }
    }

    @Nested
    class Enqueue {

        @Test
        void aJobIdCanBeQueuedOnce() {
            store.enqueueCustom(custom(1));
            assertThatThrownBy(() -> store.enqueueCustom(custom(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(jobId(1));
        }

        @Test
        void eachFixtureTypeTakesOnlyItsOwners() {
            FakeCustomJob thirdPartyOwned = new FakeCustomJob(new Job(jobId(1), partner(1).details().data(), null,
                    custom(1).job().accountId()), List.of());
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
            FakeThirdPartyJob job = partner(1);
            store.enqueueThirdParty(job);
            store.reset();
            assertThat(store.snapshots()).isEmpty();
            assertThat(refusal(() -> store.pollThirdParty(THIRD_PARTY_TYPE, 1)))
                    .isEqualTo(AwsError.ACTION_TYPE_NOT_FOUND);
            assertThat(store.grantFor(job.details().data().artifactCredentials().accessKeyId())).isEmpty();
            store.registerClient(job.clientId(), "a-new-token");
        }
    }

    @Nested
    class ArtifactCredentials {

        String accessKeyId(FakeCustomJob job) {
            return job.job().data().artifactCredentials().accessKeyId();
        }

        Instant expiresAt(FakeCustomJob job) {
            return store.grantFor(accessKeyId(job)).orElseThrow().expiresAt();
        }

        @Test
        void aJobGrantsItsCredentialsArtifactLocationsAndKmsKey() {
            FakeThirdPartyJob job = FAKES.thirdParty().index(7).inputArtifacts(1).outputArtifacts(1).encrypted()
                    .build();
            store.enqueueThirdParty(job);
            JobData data = job.details().data();
            ArtifactGrant grant = store.grantFor(data.artifactCredentials().accessKeyId()).orElseThrow();
            S3ArtifactLocation input = job.artifacts().get(0).location();
            S3ArtifactLocation output = data.outputArtifacts().get(0).location().s3Location();
            assertThat(grant.jobId()).isEqualTo(job.jobId());
            assertThat(grant.kmsKeyId()).hasValue(data.encryptionKey().id());
            assertThat(grant.bucket()).isEqualTo(input.bucketName()).isEqualTo(output.bucketName());
            assertThat(grant.canRead(input.objectKey())).isTrue();
            assertThat(grant.canWrite(input.objectKey())).isFalse();
            assertThat(grant.canWrite(output.objectKey())).isTrue();
            assertThat(grant.toString()).doesNotContain(data.artifactCredentials().secretAccessKey(),
                    data.artifactCredentials().sessionToken());
        }

        @Test
        void theGrantBehindAnAccessKeyIsFound() {
            store.enqueueCustom(custom(1));
            store.enqueueCustom(custom(2));
            assertThat(store.grantFor(accessKeyId(custom(2)))).get()
                    .extracting(ArtifactGrant::jobId).isEqualTo(jobId(2));
            assertThat(store.grantFor("ASIAUNKNOWN")).isEmpty();
        }

        @Test
        void aJobsOwnCredentialsExpireALifetimeAfterTheFirstAnswerThatHandsThemOut() {
            Instant queued = clock.instant();
            store.enqueueCustom(custom(1));
            assertThat(expiresAt(custom(1))).isEqualTo(queued.plus(JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME));
            clock.advance(Duration.ofMinutes(10));
            Job job = pollOneCustom();
            Instant polled = clock.instant();
            assertThat(job.data().artifactCredentials().accessKeyId()).isEqualTo(accessKeyId(custom(1)));
            assertThat(expiresAt(custom(1))).isEqualTo(polled.plus(Duration.ofHours(1)));
            clock.advance(Duration.ofSeconds(5));
            store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null);
            clock.advance(Duration.ofMinutes(50));
            store.jobDetails(job.id());
            assertThat(expiresAt(custom(1))).as("a renewal leaves the set handed out before to expire on its own time")
                    .isEqualTo(polled.plus(Duration.ofHours(1)));
        }

        @Test
        void fetchingTheDetailsAgainHandsOutANewSetWorkingALifetimeFromThen() {
            store.enqueueCustom(custom(1));
            Job job = pollOneCustom();
            store.acknowledge(ACKNOWLEDGE_JOB, job.id(), job.nonce(), null);
            AwsSessionCredentials own = job.data().artifactCredentials();
            clock.advance(Duration.ofMinutes(50));

            AwsSessionCredentials first = store.jobDetails(job.id()).data().artifactCredentials();
            Instant renewedAt = clock.instant();
            clock.advance(Duration.ofMinutes(1));
            AwsSessionCredentials second = store.jobDetails(job.id()).data().artifactCredentials();

            assertThat(List.of(own.accessKeyId(), first.accessKeyId(), second.accessKeyId())).doesNotHaveDuplicates();
            assertThat(List.of(own.secretAccessKey(), first.secretAccessKey(), second.secretAccessKey()))
                    .doesNotHaveDuplicates();
            assertThat(List.of(own.sessionToken(), first.sessionToken(), second.sessionToken()))
                    .doesNotHaveDuplicates();
            assertThat(first.accessKeyId()).as("STS's shape, marked fake").matches("ASIA[A-Z2-7]{9}EXAMPLE");
            assertThat(first.secretAccessKey()).hasSize(40).endsWith("EXAMPLEKEY");
            assertThat(first.sessionToken()).startsWith("IQoJb3JpZ2luX2Vj").endsWith("EXAMPLE");
            ArtifactGrant renewed = store.grantFor(first.accessKeyId()).orElseThrow();
            ArtifactGrant own1 = store.grantFor(own.accessKeyId()).orElseThrow();
            assertThat(renewed.jobId()).isEqualTo(job.id());
            assertThat(renewed.expiresAt()).isEqualTo(renewedAt.plus(JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME));
            assertThat(store.grantFor(second.accessKeyId()).orElseThrow().expiresAt())
                    .isEqualTo(clock.instant().plus(JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME));
            S3ArtifactLocation input = custom(1).job().data().inputArtifacts().get(0).location().s3Location();
            assertThat(renewed.canRead(input.objectKey())).isEqualTo(own1.canRead(input.objectKey())).isTrue();
            assertThat(renewed.toString()).doesNotContain(first.secretAccessKey(), first.sessionToken());
        }

        @Test
        void renewedSetsAreForgottenWithTheStoresJobs() {
            store.enqueueCustom(custom(1));
            Job job = pollOneCustom();
            String renewedKey = store.jobDetails(job.id()).data().artifactCredentials().accessKeyId();
            assertThat(store.grantFor(renewedKey)).isPresent();
            store.reset();
            assertThat(store.grantFor(renewedKey)).isEmpty();
        }

        @Test
        void aThirdPartyPollAnswersNoCredentialsSoOnlyItsDetailsRenewThem() {
            JobStore shortLived = new JobStore(new JobStore.Settings(clock, JobStore.DEFAULT_DISPATCH_TIMEOUT, null,
                    JobStore.OUTPUT_VARIABLES_LIMIT_BYTES, Duration.ofMinutes(15), () -> "unused"));
            FakeThirdPartyJob job = partner(1);
            String accessKeyId = job.details().data().artifactCredentials().accessKeyId();
            Instant queued = clock.instant();
            shortLived.enqueueThirdParty(job);
            clock.advance(Duration.ofMinutes(5));
            shortLived.pollThirdParty(THIRD_PARTY_TYPE, 1);
            assertThat(shortLived.grantFor(accessKeyId).orElseThrow().expiresAt())
                    .isEqualTo(queued.plus(Duration.ofMinutes(15)));
            assertThat(refusal(() -> shortLived.thirdPartyJobDetails(job.jobId(), "wrong")))
                    .isEqualTo(AwsError.INVALID_CLIENT_TOKEN);
            assertThat(shortLived.grantFor(accessKeyId).orElseThrow().expiresAt()).as("a refused call renews nothing")
                    .isEqualTo(queued.plus(Duration.ofMinutes(15)));
            shortLived.thirdPartyJobDetails(job.jobId(), job.clientToken());
            assertThat(shortLived.grantFor(accessKeyId).orElseThrow().expiresAt())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        }

        @Test
        void aJobWhoseArtifactsLieInTwoBucketsIsRefusedAtEnqueue() {
            Job job = custom(1).job();
            JobData data = job.data();
            JobData twoBuckets = new JobData(data.actionTypeId(), data.actionConfiguration(), data.pipelineContext(),
                    List.of(new Artifact("Source", "r1", ArtifactLocation.s3("bucket-a", "p/Source/abc1234"))),
                    List.of(new Artifact("Build", null, ArtifactLocation.s3("bucket-b", "p/Build/abc1234"))),
                    new AwsSessionCredentials("ASIATWOBUCKETSEXAMPLE", "secret", "token"), null, null);
            assertThatThrownBy(() -> store.enqueueCustom(new FakeCustomJob(new Job(job.id(), twoBuckets, null,
                    job.accountId()), List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(job.id()).hasMessageContaining("[bucket-a, bucket-b]");
            assertThat(store.snapshots()).isEmpty();
        }
    }

    @Test
    void thirtyTwoPollersDispatchTwoThousandJobsEachExactlyOnce() throws Exception {
        ActionTypeId type = new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "Concurrent", "1");
        for (FakeCustomJob job : FAKES.custom().category(type.category()).provider(type.provider())
                .version(type.version()).buildList(2_000)) {
            store.enqueueCustom(job);
        }
        List<String> dispatched = ConcurrentPollers.drain(32, poller -> () -> store.pollCustom(type,
                1 + poller % 4, Map.of()).stream().map(Job::id).toList());
        assertThat(dispatched).hasSize(2_000);
        assertThat(new HashSet<>(dispatched)).hasSize(2_000);
        assertThat(store.snapshots()).extracting(JobSnapshot::status).containsOnly(JobStatus.DISPATCHED);
    }

    @Nested
    class Retention {

        final JobStore keepsTwo = new JobStore(new JobStore.Settings(clock, JobStore.DEFAULT_DISPATCH_TIMEOUT, null,
                JobStore.OUTPUT_VARIABLES_LIMIT_BYTES, JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME, () -> "unused",
                2));
        final List<S3ArtifactLocation> forgottenArtifacts = new ArrayList<>();

        void finish(FakeCustomJob job) {
            keepsTwo.enqueueCustom(job);
            Job polled = keepsTwo.pollCustom(CUSTOM_TYPE, 1, Map.of()).get(0);
            keepsTwo.acknowledge(ACKNOWLEDGE_JOB, polled.id(), polled.nonce(), null);
            keepsTwo.putFailure(PUT_JOB_FAILURE_RESULT, polled.id(), null,
                    new FailureDetails(FailureType.JOB_FAILED, "failed", null));
        }

        @Test
        void finishedJobsBeyondTheLimitAreForgottenOldestFirstWithTheArtifactsNoKeptJobNames() {
            keepsTwo.onArtifactsForgotten(forgottenArtifacts::addAll);
            FakeCustomJob queued = custom(9);
            for (int n = 1; n <= 4; n++) {
                finish(custom(n));
            }
            keepsTwo.enqueueCustom(queued);

            assertThat(keepsTwo.snapshots()).extracting(JobSnapshot::jobId)
                    .containsExactly(jobId(3), jobId(4), queued.jobId());
            assertThat(keepsTwo.snapshot(jobId(1))).isEmpty();
            assertThat(keepsTwo.forgottenJobs()).isEqualTo(2);
            List<S3ArtifactLocation> firstTwo = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                JobData data = custom(n).job().data();
                data.inputArtifacts().forEach(a -> firstTwo.add(a.location().s3Location()));
                data.outputArtifacts().forEach(a -> firstTwo.add(a.location().s3Location()));
            }
            assertThat(forgottenArtifacts).containsExactlyInAnyOrderElementsOf(firstTwo);
            assertThat(keepsTwo.grantFor(custom(1).job().data().artifactCredentials().accessKeyId())).isEmpty();
        }

        @Test
        void aForgottenJobsArtifactsThatAKeptJobStillNamesAreKept() {
            keepsTwo.onArtifactsForgotten(forgottenArtifacts::addAll);
            FakeCustomJob parent = custom(1);
            keepsTwo.enqueueCustom(parent);
            Job polled = keepsTwo.pollCustom(CUSTOM_TYPE, 1, Map.of()).get(0);
            keepsTwo.acknowledge(ACKNOWLEDGE_JOB, polled.id(), polled.nonce(), null);
            keepsTwo.putSuccess(PUT_JOB_SUCCESS_RESULT, polled.id(), null, null, null, "more", Map.of());
            finish(custom(2));
            finish(custom(3));

            assertThat(keepsTwo.snapshot(parent.jobId())).as("the parent is forgotten").isEmpty();
            assertThat(forgottenArtifacts).as("its continuation job, queued, names the same artifacts").isEmpty();
            assertThat(keepsTwo.snapshots()).extracting(JobSnapshot::status).contains(JobStatus.QUEUED);
        }
    }

    /** What a job of a pipeline can hold (docs/fidelity.md, "Jobs and their states"): refused at enqueue. */
    @Nested
    class JobShapeLimits {

        FakeCustomJob withProject(int n, String value) {
            return FAKES.custom().category(ActionCategory.DEPLOY).provider("MyDeployer").version("1").index(n)
                    .configuration("ProjectName", value).build();
        }

        @Test
        void aJobWithoutItsTypesQueryablePropertyIsRefusedNamingTheProperty() {
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withQueryableProperty("Stage"));

            assertThatThrownBy(() -> store.enqueueCustom(custom(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("job " + jobId(1))
                    .hasMessageContaining("the queryable property 'Stage' is required");
            assertThat(store.snapshot(jobId(1))).isEmpty();
        }

        @Test
        void aQueryableValueOfMoreThanTwentyCharactersOrOtherCharactersIsRefused() {
            store.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withQueryableProperty("ProjectName"));

            assertThatThrownBy(() -> store.enqueueCustom(withProject(1, "a".repeat(21))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(21 characters)");
            assertThatThrownBy(() -> store.enqueueCustom(withProject(2, "my project")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits, _ and -");
            store.enqueueCustom(withProject(3, "a_b-C9" + "x".repeat(14)));
            assertThat(store.pollCustom(CUSTOM_TYPE, 5, Map.of("ProjectName", "a_b-C9" + "x".repeat(14))))
                    .extracting(Job::id).containsExactly(jobId(3));
        }

        @Test
        void aQueryablePropertyRegisteredAfterJobsWereQueuedMustFitThemOrIsRefused() {
            store.enqueueCustom(custom(1));

            assertThatThrownBy(() -> store.registerActionType(CUSTOM_TYPE,
                    ActionTypeSettings.defaults().withQueryableProperty("ProjectName")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job " + jobId(1));
            assertThat(store.pollCustom(CUSTOM_TYPE, 5, Map.of())).as("the type kept its settings")
                    .extracting(Job::id).containsExactly(jobId(1));
        }

        @Test
        void aCustomJobWithSixInputArtifactsOrElevenConfigurationPropertiesIsRefused() {
            FakeCustomJob five = FAKES.custom().preset(Preset.MAXIMAL).index(1).build();
            List<Artifact> six = new ArrayList<>(five.job().data().inputArtifacts());
            six.add(six.get(0));
            JobData data = five.job().data();
            JobData sixInputs = new JobData(data.actionTypeId(), data.actionConfiguration(), data.pipelineContext(),
                    six, data.outputArtifacts(), data.artifactCredentials(), data.continuationToken(),
                    data.encryptionKey());
            FakeCustomJob tooMany = new FakeCustomJob(new Job(five.jobId(), sixInputs, five.job().nonce(),
                    five.job().accountId()), five.artifacts());

            assertThatThrownBy(() -> store.enqueueCustom(tooMany)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("inputArtifacts of an action of owner Custom may hold 0 to 5 artifacts")
                    .hasMessageContaining("holds 6");
            var builder = FAKES.custom().preset(Preset.MAXIMAL).index(2);
            for (int i = 0; i < 11; i++) {
                builder.configuration("Key" + i, "v");
            }
            assertThatThrownBy(() -> store.enqueueCustom(builder.build())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 10 properties");
            store.enqueueCustom(five);
            assertThat(status(five.jobId())).as("5 inputs, 5 outputs and 10 properties fit")
                    .isEqualTo(JobStatus.QUEUED);
        }
    }
}
