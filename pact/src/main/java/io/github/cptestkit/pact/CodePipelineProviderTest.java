package io.github.cptestkit.pact;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.IgnoreMissingStateChange;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.pact.internal.JobPlan;
import io.github.cptestkit.pact.internal.PactInteraction;
import io.github.cptestkit.pact.internal.PactSettings;
import io.github.cptestkit.pact.internal.StateKind;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Verifies pacts with provider {@value CodePipelinePact#PROVIDER} against what CodePipeline can do, since AWS
 * verifies no pacts. For each interaction it first checks the request and the expected answer against the schemas
 * (method, path, {@code X-Amz-Target}, content type, members, patterns, enums, lengths, types, the errors the
 * operation can give, members AWS never sends), then sets up the interaction's provider states (see
 * {@link ProviderStates}) in a {@link CodePipelineMock}, replays the request against it and matches its answer the
 * Pact way. A failure names the interaction, the place and the rule:
 * {@code interaction 'ack': response body /status: Member must satisfy enum value set: [...], but was 'Done'}.
 *
 * <p>Subclass it with a pact source, Pact JVM's own annotations:
 * <pre>{@code
 * @PactFolder("pacts")                                   // src/test/resources/pacts, or a path
 * class WorkerPactsVerificationTest extends CodePipelineProviderTest {}
 *
 * @PactBroker                                            // pactbroker.url, pactbroker.auth.token, ...
 * @EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
 * class BrokerPactsVerificationTest extends CodePipelineProviderTest {}
 * }</pre>
 * A subclass may add {@code @State} methods for states of its own (they run before the documented states are set
 * up, and may use {@link #mock()}), and may adjust the mock by overriding {@link #configureMock}.
 *
 * <p>One mock per test class (the class has a per-class lifecycle), reset before each interaction; interactions of
 * one class run one after the other.
 */
@Provider(CodePipelinePact.PROVIDER)
@IgnoreMissingStateChange
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CodePipelineProviderTest {

    /** Where the mock's clock starts; provider states that time jobs out move it forward. */
    public static final Instant CLOCK_START = Instant.parse("2026-01-01T00:00:00Z");

    static {
        PactSettings.apply();
    }

    private final MockClock clock = MockClock.at(CLOCK_START);
    private CodePipelineMock mock;
    private PactInteraction interaction;
    private JobPlan plan;

    /**
     * Adjusts the mock's options (its clock is already set); returns the builder.
     *
     * @param builder the mock's builder, on the clock at {@link #CLOCK_START}
     * @return the builder to build the mock from, typically {@code builder} itself
     */
    protected CodePipelineMock.Builder configureMock(CodePipelineMock.Builder builder) {
        return builder;
    }

    /**
     * The mock the interactions are replayed against, for {@code @State} methods of your own.
     *
     * @return the running mock; {@code null} before the class's tests start
     */
    protected final CodePipelineMock mock() {
        return mock;
    }

    /**
     * The mock's clock.
     *
     * @return the clock the mock stands on, starting at {@link #CLOCK_START}
     */
    protected final MockClock clock() {
        return clock;
    }

    @BeforeAll
    final void startCodePipelineMock() {
        mock = configureMock(CodePipelineMock.builder().clock(clock)).build().start();
    }

    @AfterAll
    final void stopCodePipelineMock() {
        if (mock != null) {
            mock.close();
        }
    }

    @BeforeEach
    final void prepareInteraction(PactVerificationContext context) {
        if (context == null) {
            return;   // no pact to verify (@IgnoreNoPactsToVerify)
        }
        mock.reset();
        context.setTarget(new HttpTestTarget(mock.endpoint().getHost(), mock.port()));
        interaction = new PactInteraction(context.getInteraction());
        plan = new JobPlan(interaction, CodePipelinePact.EXAMPLE_SEED);
    }

    /** Checks the interaction against the schemas, sets its states up, replays it and matches the answer. */
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    final void verifiesInteraction(PactVerificationContext context) {
        if (context == null) {
            return;
        }
        checkStatesAreKnown(context.getInteraction().getProviderStates());
        if (interaction.problems().isEmpty()) {
            plan.apply(mock, clock);
        }
        if (!interaction.problems().isEmpty()) {
            String message = String.join("\n", interaction.problems());
            if (!context.getConsumer().getPending()) {
                throw new AssertionError(message);
            }
            // A pending pact (broker pending pacts, V4 pending interactions) reports its failure but passes.
            String id = Objects.requireNonNullElse(context.getInteraction().getInteractionId(), "");
            context.getTestExecutionResult().add(new VerificationResult.Failed(message, interaction.description(),
                    Map.of(id, List.of(new VerificationFailureType.InvalidInteractionFailure(message))), true));
            return;
        }
        context.verifyInteraction();
    }

    private void checkStatesAreKnown(List<ProviderState> states) {
        Set<String> known = new LinkedHashSet<>(ProviderStates.all());
        for (Method method : AnnotationSupport.findAnnotatedMethods(getClass(), State.class,
                HierarchyTraversalMode.TOP_DOWN)) {
            known.addAll(List.of(method.getAnnotation(State.class).value()));
        }
        for (ProviderState state : states) {
            if (!known.contains(state.getName())) {
                interaction.problem("provider state '" + state.getName() + "': is not one this provider knows;"
                        + " the documented states are " + ProviderStates.all()
                        + " (add a @State method to your test class for a state of your own)");
            }
        }
    }

    // ---------------------------------------------------------------- the documented states

    @State(ProviderStates.THIRD_PARTY_JOB_QUEUED)
    Map<String, Object> thirdPartyJobQueued(Map<String, Object> params) {
        return announce(StateKind.THIRD_PARTY_JOB_QUEUED, params);
    }

    @State(ProviderStates.CUSTOM_JOB_QUEUED)
    Map<String, Object> customJobQueued(Map<String, Object> params) {
        return announce(StateKind.CUSTOM_JOB_QUEUED, params);
    }

    @State(ProviderStates.JOB_DISPATCHED)
    Map<String, Object> jobDispatched(Map<String, Object> params) {
        return announce(StateKind.JOB_DISPATCHED, params);
    }

    @State(ProviderStates.JOB_IN_PROGRESS)
    Map<String, Object> jobInProgress(Map<String, Object> params) {
        return announce(StateKind.JOB_IN_PROGRESS, params);
    }

    @State(ProviderStates.JOB_SUCCEEDED)
    Map<String, Object> jobSucceeded(Map<String, Object> params) {
        return announce(StateKind.JOB_SUCCEEDED, params);
    }

    @State(ProviderStates.JOB_FAILED)
    Map<String, Object> jobFailed(Map<String, Object> params) {
        return announce(StateKind.JOB_FAILED, params);
    }

    @State(ProviderStates.JOB_TIMED_OUT)
    Map<String, Object> jobTimedOut(Map<String, Object> params) {
        return announce(StateKind.JOB_TIMED_OUT, params);
    }

    @State(ProviderStates.NO_JOB)
    Map<String, Object> noJob(Map<String, Object> params) {
        return announce(StateKind.NO_JOB, params);
    }

    @State(ProviderStates.NO_JOBS_QUEUED)
    Map<String, Object> noJobsQueued(Map<String, Object> params) {
        return announce(StateKind.NO_JOBS_QUEUED, params);
    }

    private Map<String, Object> announce(StateKind kind, Map<String, Object> params) {
        return plan.add(kind, params);
    }
}
