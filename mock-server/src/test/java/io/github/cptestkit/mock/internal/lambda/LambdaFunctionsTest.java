package io.github.cptestkit.mock.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.lambda.FunctionError;
import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LambdaFunctionsTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final byte[] EVENT = "{\"CodePipeline.job\":{\"id\":\"j1\"}}".getBytes(StandardCharsets.UTF_8);

    final MockClock clock = MockClock.at(START);
    final AtomicInteger ids = new AtomicInteger();
    final LambdaFunctions functions = new LambdaFunctions(new LambdaFunctions.Settings(clock, "eu-west-1",
            () -> "req-" + ids.incrementAndGet(), LambdaFunctions.DEFAULT_RESPONSE_LIMIT_BYTES));
    final List<DiscardedEvent> discarded = new ArrayList<>();

    {
        functions.onEventDiscarded(discarded::add);
    }

    static RuntimeApiRefusal refusal(ThrowingCallable call) {
        RuntimeApiRefusal refused = catchThrowableOfType(RuntimeApiRefusal.class, call);
        assertThat(refused).as("the call is refused in Lambda's shape").isNotNull();
        return refused;
    }

    Invocation deliver(String function) {
        CompletableFuture<Invocation> next = functions.next(function);
        assertThat(next).as("an invocation of " + function + " is ready").isDone();
        return next.join();
    }

    @Nested
    class LongPolls {

        @Test
        void aRuntimeAskingWhileAnEventIsQueuedGetsItAtOnce() {
            functions.invoke("Deploy", "j1", "111111111111", EVENT);

            Invocation invocation = deliver("Deploy");

            assertThat(invocation.event()).isEqualTo(EVENT);
            assertThat(invocation.jobId()).isEqualTo("j1");
            assertThat(invocation.attempt()).isEqualTo(1);
        }

        @Test
        void aRuntimeWaitingForAnInvocationGetsTheEventQueuedLater() {
            functions.register("Deploy", FunctionSettings.defaults());
            CompletableFuture<Invocation> next = functions.next("Deploy");
            assertThat(next).isNotDone();

            functions.invoke("Deploy", "j1", null, EVENT);

            assertThat(next).isCompleted();
            assertThat(next.join().jobId()).isEqualTo("j1");
        }

        @Test
        void anInvocationCarriesItsRequestIdDeadlineArnAndTraceHeader() {
            functions.register("Deploy", FunctionSettings.defaults().withTimeout(Duration.ofSeconds(30)));
            functions.invoke("Deploy", "j1", "111111111111", EVENT);

            Invocation invocation = deliver("Deploy");

            assertThat(invocation.requestId()).isEqualTo("req-1");
            assertThat(invocation.deadline()).isEqualTo(START.plusSeconds(30));
            assertThat(invocation.invokedFunctionArn()).isEqualTo("arn:aws:lambda:eu-west-1:111111111111:function:Deploy");
            assertThat(invocation.traceId()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0")
                    .startsWith("Root=1-" + Long.toHexString(START.getEpochSecond()));
            assertThat(invocation.toString()).doesNotContain("CodePipeline.job");
        }

        @Test
        void anEventWhoseJobNamesNoAccountGetsADefaultAccountInItsArn() {
            functions.invoke("Deploy", "j1", null, EVENT);

            assertThat(deliver("Deploy").invokedFunctionArn()).contains(":123456789012:function:Deploy");
        }

        @Test
        void severalWaitingRuntimesEachGetOneInvocationInTheOrderTheyAsked() {
            functions.register("Deploy", FunctionSettings.defaults());
            CompletableFuture<Invocation> first = functions.next("Deploy");
            CompletableFuture<Invocation> second = functions.next("Deploy");

            functions.invoke("Deploy", "j1", null, EVENT);
            assertThat(first).isCompleted();
            assertThat(second).isNotDone();
            functions.invoke("Deploy", "j2", null, EVENT);

            assertThat(first.join().jobId()).isEqualTo("j1");
            assertThat(second.join().jobId()).isEqualTo("j2");
            assertThat(functions.view("Deploy").orElseThrow().inFlight()).containsExactly("req-1", "req-2");
        }

        @Test
        void aRuntimeThatGaveUpWaitingNeverReceivesAnInvocation() {
            functions.register("Deploy", FunctionSettings.defaults());
            CompletableFuture<Invocation> abandoned = functions.next("Deploy");
            abandoned.cancel(false);
            CompletableFuture<Invocation> next = functions.next("Deploy");

            functions.invoke("Deploy", "j1", null, EVENT);

            assertThat(next.join().jobId()).isEqualTo("j1");
            assertThat(functions.view("Deploy").orElseThrow().inFlight()).containsExactly(next.join().requestId());
        }

        @Test
        void eventsWaitForARuntimeAndCountAsPending() {
            functions.invoke("Deploy", "j1", null, EVENT);
            functions.invoke("Deploy", "j2", null, EVENT);

            assertThat(functions.view("Deploy").orElseThrow().pending()).isEqualTo(2);
            deliver("Deploy");
            assertThat(functions.view("Deploy").orElseThrow().pending()).isEqualTo(1);
        }

        @Test
        void twoFunctionsHaveTheirOwnQueues() {
            functions.invoke("Deploy", "j1", null, EVENT);
            functions.invoke("Test", "j2", null, EVENT);

            assertThat(deliver("Test").jobId()).isEqualTo("j2");
            assertThat(deliver("Deploy").jobId()).isEqualTo("j1");
            assertThat(functions.names()).containsExactly("Deploy", "Test");
        }

        @Test
        void closingEndsEveryWaitAndRefusesNewEvents() {
            functions.register("Deploy", FunctionSettings.defaults());
            CompletableFuture<Invocation> next = functions.next("Deploy");

            functions.close();

            assertThat(next).isCompletedExceptionally();
            assertThatThrownBy(next::join).isInstanceOf(CompletionException.class).hasMessageContaining("stopped");
            assertThatThrownBy(() -> functions.invoke("Deploy", "j1", null, EVENT))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Nested
    class Answers {

        @Test
        void aResponseEndsTheAttemptAndTheRequestIdCannotBeAnsweredTwice() {
            functions.invoke("Deploy", "j1", null, EVENT);
            Invocation invocation = deliver("Deploy");

            functions.respond("Deploy", invocation.requestId(), 4);

            FunctionView view = functions.view("Deploy").orElseThrow();
            assertThat(view.inFlight()).isEmpty();
            assertThat(view.attempts()).singleElement().satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo(InvocationAttempt.Outcome.RESPONDED);
                assertThat(attempt.failed()).isFalse();
                assertThat(attempt.requestId()).isEqualTo("req-1");
            });
            RuntimeApiRefusal again = refusal(() -> functions.respond("Deploy", invocation.requestId(), 4));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.errorType()).isEqualTo("InvalidRequestID");
            assertThat(again.getMessage()).startsWith("Invalid request ID").contains("req-1", "Deploy");
        }

        @Test
        void anErrorForARequestIdNeverHandedOutIsInvalidRequestId() {
            functions.register("Deploy", FunctionSettings.defaults());

            RuntimeApiRefusal refused = refusal(() -> functions.error("Deploy", "nope", new FunctionError("E", "m")));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorType()).isEqualTo("InvalidRequestID");
        }

        @Test
        void theRequestIdOfAnotherFunctionIsInvalidRequestId() {
            functions.invoke("Deploy", "j1", null, EVENT);
            functions.register("Test", FunctionSettings.defaults());
            Invocation invocation = deliver("Deploy");

            assertThat(refusal(() -> functions.respond("Test", invocation.requestId(), 2)).errorType())
                    .isEqualTo("InvalidRequestID");
            assertThat(functions.view("Deploy").orElseThrow().inFlight()).containsExactly(invocation.requestId());
        }

        @Test
        void everyRuntimeCallForAnUnknownFunctionIsResourceNotFound() {
            functions.register("Deploy", FunctionSettings.defaults());

            for (ThrowingCallable call : List.<ThrowingCallable>of(
                    () -> functions.next("Nope"),
                    () -> functions.respond("Nope", "r", 1),
                    () -> functions.error("Nope", "r", new FunctionError("E", "m")),
                    () -> functions.initError("Nope", new FunctionError("E", "m")))) {
                RuntimeApiRefusal refused = refusal(call);
                assertThat(refused.status()).isEqualTo(404);
                assertThat(refused.errorType()).isEqualTo("ResourceNotFoundException");
                assertThat(refused.getMessage()).startsWith("Function not found: arn:aws:lambda:eu-west-1:")
                        .contains(":function:Nope", "[Deploy]", "register");
            }
        }

        @Test
        void aResponseOverTheLimitIsRequestEntityTooLargeAndFailsTheAttempt() {
            functions.invoke("Deploy", "j1", null, EVENT);
            Invocation invocation = deliver("Deploy");

            RuntimeApiRefusal refused = refusal(() -> functions.respond("Deploy", invocation.requestId(),
                    LambdaFunctions.DEFAULT_RESPONSE_LIMIT_BYTES + 1L));

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.errorType()).isEqualTo("RequestEntityTooLarge");
            assertThat(refused.getMessage()).isEqualTo("Exceeded maximum allowed payload size (6291556 bytes).");
            InvocationAttempt attempt = functions.view("Deploy").orElseThrow().attempts().get(0);
            assertThat(attempt.outcome()).isEqualTo(InvocationAttempt.Outcome.RESPONSE_TOO_LARGE);
            assertThat(attempt.error().errorType()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(functions.view("Deploy").orElseThrow().pending()).as("retried").isEqualTo(1);
        }

        @Test
        void aResponseOfExactlyTheLimitIsTaken() {
            functions.invoke("Deploy", "j1", null, EVENT);
            Invocation invocation = deliver("Deploy");

            functions.respond("Deploy", invocation.requestId(), LambdaFunctions.DEFAULT_RESPONSE_LIMIT_BYTES);

            assertThat(functions.view("Deploy").orElseThrow().attempts().get(0).outcome())
                    .isEqualTo(InvocationAttempt.Outcome.RESPONDED);
        }
    }

    @Nested
    class Retries {

        @Test
        void aFailedAttemptIsRetriedAfterOneMinuteThenAfterTwoThenTheEventIsDiscarded() {
            functions.invoke("Deploy", "j1", null, EVENT);
            FunctionError thrown = new FunctionError("java.lang.IllegalStateException", "boom");

            functions.error("Deploy", deliver("Deploy").requestId(), thrown);
            CompletableFuture<Invocation> second = functions.next("Deploy");
            clock.advance(Duration.ofSeconds(59));
            functions.tick();
            assertThat(second).as("not before a minute").isNotDone();
            clock.advance(Duration.ofSeconds(1));
            functions.tick();
            assertThat(second).isCompleted();
            assertThat(second.join().attempt()).isEqualTo(2);
            assertThat(second.join().jobId()).isEqualTo("j1");

            functions.error("Deploy", second.join().requestId(), thrown);
            clock.advance(Duration.ofSeconds(119));
            CompletableFuture<Invocation> third = functions.next("Deploy");
            assertThat(third).as("not before two minutes").isNotDone();
            clock.advance(Duration.ofSeconds(1));
            functions.tick();
            assertThat(third).isCompleted();
            assertThat(third.join().attempt()).isEqualTo(3);

            functions.error("Deploy", third.join().requestId(), thrown);

            assertThat(discarded).singleElement().satisfies(event -> {
                assertThat(event.jobId()).isEqualTo("j1");
                assertThat(event.attempts()).isEqualTo(3);
                assertThat(event.lastError()).isEqualTo(thrown);
                assertThat(event.failJobWhenDiscarded()).isFalse();
            });
            assertThat(functions.view("Deploy").orElseThrow().attempts()).extracting(InvocationAttempt::attempt)
                    .containsExactly(3, 2, 1);
            assertThat(functions.view("Deploy").orElseThrow().pending()).isZero();
            assertThat(functions.nextDue()).isEmpty();
        }

        @Test
        void withNoRetriesTheFirstFailureDiscardsTheEventWithTheFunctionsSetting() {
            functions.register("Deploy", FunctionSettings.defaults().withMaximumRetryAttempts(0)
                    .withFailJobWhenDiscarded(true));
            functions.invoke("Deploy", "j1", null, EVENT);

            functions.error("Deploy", deliver("Deploy").requestId(), new FunctionError(null, null));

            assertThat(discarded).singleElement().satisfies(event -> {
                assertThat(event.attempts()).isEqualTo(1);
                assertThat(event.lastError()).isEqualTo(new FunctionError("Unhandled", ""));
                assertThat(event.failJobWhenDiscarded()).isTrue();
            });
        }

        @Test
        void nextDueNamesTheEarliestRetryOrDeadline() {
            functions.register("Deploy", FunctionSettings.defaults().withTimeout(Duration.ofSeconds(10)));
            functions.invoke("Deploy", "j1", null, EVENT);
            functions.invoke("Deploy", "j2", null, EVENT);
            Invocation first = deliver("Deploy");
            assertThat(functions.nextDue()).contains(START.plusSeconds(10));

            functions.error("Deploy", first.requestId(), new FunctionError("E", "m"));

            assertThat(functions.nextDue()).contains(START.plusSeconds(60));
            deliver("Deploy");
            assertThat(functions.nextDue()).contains(START.plusSeconds(10));
        }

        @Test
        void aDiscardListenerRunsOutsideTheLockSoItMayCallBackFromAnotherThread() throws Exception {
            functions.register("Deploy", FunctionSettings.defaults().withMaximumRetryAttempts(0));
            List<List<String>> seen = new ArrayList<>();
            functions.onEventDiscarded(event -> {
                Thread other = new Thread(() -> seen.add(functions.names()));
                other.start();
                try {
                    other.join(Duration.ofSeconds(10).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            functions.invoke("Deploy", "j1", null, EVENT);

            functions.error("Deploy", deliver("Deploy").requestId(), new FunctionError("E", "m"));

            assertThat(seen).as("the other thread got the lock while the listener ran")
                    .containsExactly(List.of("Deploy"));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void anInvocationNotAnsweredByItsDeadlineTimesOutAndItsLateAnswerIsRefused() {
            functions.register("Deploy", FunctionSettings.defaults().withTimeout(Duration.ofSeconds(3)));
            functions.invoke("Deploy", "j1", null, EVENT);
            Invocation invocation = deliver("Deploy");

            clock.advance(Duration.ofSeconds(3));

            assertThat(refusal(() -> functions.respond("Deploy", invocation.requestId(), 2)).errorType())
                    .isEqualTo("InvalidRequestID");
            InvocationAttempt attempt = functions.view("Deploy").orElseThrow().attempts().get(0);
            assertThat(attempt.outcome()).isEqualTo(InvocationAttempt.Outcome.TIMED_OUT);
            assertThat(attempt.endedAt()).isEqualTo(START.plusSeconds(3));
            assertThat(attempt.error()).isEqualTo(new FunctionError("Sandbox.Timeout",
                    "Task timed out after 3.00 seconds"));
            assertThat(functions.view("Deploy").orElseThrow().pending()).as("retried").isEqualTo(1);
        }

        @Test
        void justBeforeItsDeadlineAnInvocationCanStillBeAnswered() {
            functions.register("Deploy", FunctionSettings.defaults().withTimeout(Duration.ofSeconds(3)));
            functions.invoke("Deploy", "j1", null, EVENT);
            Invocation invocation = deliver("Deploy");

            clock.advance(Duration.ofMillis(2999));
            functions.respond("Deploy", invocation.requestId(), 2);

            assertThat(functions.view("Deploy").orElseThrow().attempts().get(0).outcome())
                    .isEqualTo(InvocationAttempt.Outcome.RESPONDED);
        }
    }

    @Nested
    class InitErrors {

        @Test
        void anInitErrorIsServedToTheFirstEventAndThenForgotten() {
            functions.register("Deploy", FunctionSettings.defaults());
            FunctionError noClass = new FunctionError("Runtime.ImportModuleError", "no class pkg.Handler");

            functions.initError("Deploy", noClass);
            functions.invoke("Deploy", "j1", null, EVENT);
            functions.invoke("Deploy", "j2", null, EVENT);

            FunctionView view = functions.view("Deploy").orElseThrow();
            assertThat(view.attempts()).singleElement().satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo(InvocationAttempt.Outcome.INIT_ERROR);
                assertThat(attempt.jobId()).isEqualTo("j1");
                assertThat(attempt.requestId()).isNull();
                assertThat(attempt.error()).isEqualTo(noClass);
            });
            assertThat(deliver("Deploy").jobId()).as("the second event waits for a runtime").isEqualTo("j2");
        }

        @Test
        void anInitErrorFailsAnEventAlreadyWaitingForARuntime() {
            functions.invoke("Deploy", "j1", null, EVENT);

            functions.initError("Deploy", new FunctionError("Runtime.ExitError", "exit 1"));

            assertThat(functions.view("Deploy").orElseThrow().attempts().get(0).outcome())
                    .isEqualTo(InvocationAttempt.Outcome.INIT_ERROR);
        }

        @Test
        void aRuntimeThatAsksForAnInvocationHasInitialisedSoAnEarlierInitErrorIsNotServed() {
            functions.register("Deploy", FunctionSettings.defaults());
            functions.initError("Deploy", new FunctionError("Runtime.ExitError", "exit 1"));
            CompletableFuture<Invocation> next = functions.next("Deploy");

            functions.invoke("Deploy", "j1", null, EVENT);

            assertThat(next.join().jobId()).isEqualTo("j1");
            assertThat(functions.view("Deploy").orElseThrow().attempts()).isEmpty();
        }
    }

    @Nested
    class Setup {

        @Test
        void resetForgetsEventsButKeepsTheFunctionsAndTheirSettings() {
            FunctionSettings quick = FunctionSettings.defaults().withTimeout(Duration.ofSeconds(5));
            functions.register("Deploy", quick);
            functions.invoke("Deploy", "j1", null, EVENT);

            functions.reset();

            FunctionView view = functions.view("Deploy").orElseThrow();
            assertThat(view.pending()).isZero();
            assertThat(view.settings()).isEqualTo(quick);
        }

        @Test
        void aFunctionNameMustBeAPlainLambdaName() {
            assertThatThrownBy(() -> functions.register("arn:aws:lambda:x", FunctionSettings.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 64 letters, digits, '-' or '_'")
                    .hasMessageContaining("'arn:aws:lambda:x'");
            assertThatThrownBy(() -> functions.invoke("x".repeat(65), "j", null, EVENT))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void settingsOutsideLambdasRangesAreRefusedNamingTheRange() {
            assertThatThrownBy(() -> FunctionSettings.defaults().withTimeout(Duration.ofMinutes(16)))
                    .hasMessageContaining("1 to 900").hasMessageContaining("PT16M");
            assertThatThrownBy(() -> FunctionSettings.defaults().withTimeout(Duration.ofMillis(1500)))
                    .hasMessageContaining("whole seconds");
            assertThatThrownBy(() -> FunctionSettings.defaults().withMaximumRetryAttempts(3))
                    .hasMessageContaining("0, 1 or 2").hasMessageContaining("3");
        }
    }
}
