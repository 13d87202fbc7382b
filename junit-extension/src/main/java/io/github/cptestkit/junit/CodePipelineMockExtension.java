package io.github.cptestkit.junit;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.junit.internal.DeclaredFaults;
import io.github.cptestkit.junit.internal.ExtensionStore;
import io.github.cptestkit.junit.internal.FailureReport;
import io.github.cptestkit.junit.internal.FakeJobFactory;
import io.github.cptestkit.junit.internal.MockHolder;
import io.github.cptestkit.junit.internal.MockOptions;
import io.github.cptestkit.junit.internal.Seeds;
import io.github.cptestkit.junit.internal.TestState;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The JUnit 5 extension behind {@link CodePipelineMockTest}: one {@link CodePipelineMock} per test class (shared by
 * its {@code @Nested} classes), reset before each test, with the faults of {@link FailNext}, {@link Throttle} and
 * {@link Delay} planned after the reset. Register it with the annotation for the defaults, or with
 * {@link #builder()} for every option:
 *
 * <pre>{@code
 * class ReportWorkerTest {
 *     @RegisterExtension
 *     static final CodePipelineMockExtension MOCK = CodePipelineMockExtension.builder()
 *             .region("eu-west-1").maxAttempts(3).seed(42)
 *             .configureMock(mock -> mock.dispatchTimeout(Duration.ofSeconds(30)))
 *             .build();
 *
 *     @Test
 *     void reportsSuccess(CodePipelineClient codePipeline, CodePipelineMock mock, @FakeJob FakeThirdPartyJob job) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters it resolves, by exact type, in test methods, constructors and lifecycle methods:
 * {@link CodePipelineMock}; a {@link CodePipelineClient} and an {@link S3Client} pointed at the mock (region,
 * fake credentials, one attempt per call unless {@code maxAttempts} says otherwise), and their async variants
 * {@link CodePipelineAsyncClient} and {@link S3AsyncClient}; {@link JobS3Clients} and {@link JobS3AsyncClients},
 * to make S3 clients on a job's credentials; {@link FakeJobGenerator}, seeded with the test's seed; {@link MockClock} when
 * the mock stands on one; {@code @FakeJob FakeThirdPartyJob} / {@code @FakeJob FakeCustomJob}, queued before the
 * test; {@code @FakeJobs List<FakeThirdPartyJob>} / {@code List<FakeCustomJob>}.
 *
 * <p>A failing test's message gains its seed (replay it with {@link Seed}) and the calls the worker made,
 * credentials redacted. Registered in a static field (or by the annotation) the mock lives for the class; in an
 * instance field, for each test. State lives in JUnit's Store, so one instance serves parallel classes.
 */
public class CodePipelineMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** The builder's options, or {@code null} when {@code @CodePipelineMockTest} (or {@code @ExtendWith}) made us. */
    private final MockOptions options;

    /** For {@code @CodePipelineMockTest} and {@code @ExtendWith}: options come from the annotation. */
    CodePipelineMockExtension() {
        this.options = null;
    }

    /** For subclasses: the builder's options. */
    protected CodePipelineMockExtension(Builder builder) {
        this.options = builder.options();
    }

    /** Options for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- hooks for subclasses

    /** Called once the mock of a class (or of a test, for an instance field) has started. */
    protected void onMockStarted(ExtensionContext context, CodePipelineMock mock) {}

    /** Called before each test, after the reset and the declared faults. */
    protected void onBeforeEach(ExtensionContext context, CodePipelineMock mock) {}

    /** Called after each test. */
    protected void onAfterEach(ExtensionContext context, CodePipelineMock mock) {}

    // ---------------------------------------------------------------- lifecycle

    @Override
    public final void beforeAll(ExtensionContext context) {
        holder(context);
    }

    @Override
    public final void beforeEach(ExtensionContext context) {
        MockHolder holder = holder(context);
        prepare(context, holder);
        onBeforeEach(context, holder.mock());
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        Optional<MockHolder> holder = ExtensionStore.holder(context);
        if (holder.isPresent()) {
            if (state(context, holder.get()).releaseMock()) {
                holder.get().leave();
            }
            onAfterEach(context, holder.get().mock());
        }
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    private MockHolder holder(ExtensionContext context) {
        boolean[] started = {false};
        MockHolder holder = ExtensionStore.holderOrStart(context, () -> {
            started[0] = true;
            return MockHolder.start(options(context));
        });
        if (started[0]) {
            onMockStarted(context, holder.mock());
        }
        return holder;
    }

    private TestState state(ExtensionContext context, MockHolder holder) {
        return ExtensionStore.testState(context, () -> new TestState(Seeds.testSeed(context, holder.options())));
    }

    /**
     * Once per test, before its first use of the mock (a constructor parameter, else beforeEach): takes the mock,
     * resets it and plans the declared faults.
     */
    private TestState prepare(ExtensionContext context, MockHolder holder) {
        TestState state = state(context, holder);
        if (context.getTestMethod().isEmpty() || !state.startPreparing()) {
            return state;
        }
        String test = testName(context);
        String running = holder.enter(test);
        if (running != null) {
            throw new ExtensionConfigurationException("Tests in " + context.getRequiredTestClass().getName()
                    + " share one CodePipeline mock that is reset before each test, so they cannot run"
                    + " concurrently; " + test + " started while " + running + " was running. Annotate the class"
                    + " with @CodePipelineMockTest (which serialises its tests) or register the extension in an"
                    + " instance field to get a mock per test.");
        }
        state.holdMock();
        if (holder.options().resetBeforeEachTest()) {
            holder.reset();
        }
        DeclaredFaults.of(context).forEach(fault -> fault.planOn(holder.mock()));
        return state;
    }

    private MockOptions options(ExtensionContext context) {
        if (options != null) {
            return options;
        }
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CodePipelineMockTest.class,
                        context.getEnclosingTestClasses())
                .map(a -> new MockOptions(a.region(), a.maxAttempts(), a.strict(), a.mockClock(), null, 0, true,
                        null, builder -> { }))
                .orElseGet(MockOptions::defaults);
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
    }

    // ---------------------------------------------------------------- parameters

    /** The types injected without an annotation, by exact type. */
    private static final List<Class<?>> INJECTED = List.of(CodePipelineMock.class, CodePipelineClient.class,
            CodePipelineAsyncClient.class, S3Client.class, S3AsyncClient.class, JobS3Clients.class,
            JobS3AsyncClients.class, FakeJobGenerator.class, MockClock.class);

    /** What a parameter JUnit found no resolver for gains: what the extension would have injected. */
    private static final String SUPPORTED_TYPES = "CodePipelineMockExtension injects "
            + INJECTED.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
            + ", LambdaHarness, @FakeJob FakeThirdPartyJob or FakeCustomJob, @FakeJobs List<FakeThirdPartyJob> or"
            + " List<FakeCustomJob>, and (@LambdaJob) FakeLambdaJob. Use one of those types, or build another client on mock.endpoint().";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.isAnnotated(FakeJob.class) || parameter.isAnnotated(FakeJobs.class)
                || parameter.isAnnotated(LambdaJob.class) || type == FakeLambdaJob.class || type == LambdaHarness.class
                || INJECTED.contains(type) || type == FakeThirdPartyJob.class || type == FakeCustomJob.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        MockHolder holder = holder(context);
        Optional<FakeJob> fakeJob = parameter.findAnnotation(FakeJob.class);
        Optional<FakeJobs> fakeJobs = parameter.findAnnotation(FakeJobs.class);
        if (fakeJob.isPresent() || fakeJobs.isPresent()) {
            return fakeJobs(parameter, context, holder, fakeJob, fakeJobs);
        }
        Optional<LambdaJob> lambdaJob = parameter.findAnnotation(LambdaJob.class);
        if (lambdaJob.isPresent() || type == FakeLambdaJob.class) {
            return lambdaJob(parameter, context, holder, lambdaJob);
        }
        if (type == LambdaHarness.class) {
            return holder.lambda();
        }
        if (type == FakeThirdPartyJob.class || type == FakeCustomJob.class) {
            throw new ParameterResolutionException("Parameter " + describe(parameter) + " is a "
                    + type.getSimpleName() + " without @FakeJob, so nothing says to build and queue it. Annotate"
                    + " it with @FakeJob.");
        }
        if (type == CodePipelineMock.class) {
            return holder.mock();
        }
        if (type == CodePipelineClient.class) {
            return holder.codePipeline();
        }
        if (type == S3Client.class) {
            return holder.s3();
        }
        if (type == JobS3Clients.class) {
            return holder.jobS3Clients();
        }
        if (type == CodePipelineAsyncClient.class) {
            return holder.codePipelineAsync();
        }
        if (type == S3AsyncClient.class) {
            return holder.s3Async();
        }
        if (type == JobS3AsyncClients.class) {
            return holder.jobS3AsyncClients();
        }
        if (type == FakeJobGenerator.class) {
            return prepare(context, holder).generator();
        }
        if (holder.mockClock() == null) {
            throw new ParameterResolutionException("Parameter " + describe(parameter) + " needs a mock on a"
                    + " MockClock, but this mock reads " + holder.mock().clock() + ". Use"
                    + " @CodePipelineMockTest(mockClock = true) or CodePipelineMockExtension.builder()"
                    + ".clock(MockClock.at(...)).");
        }
        return holder.mockClock();
    }

    private Object fakeJobs(ParameterContext parameter, ExtensionContext context, MockHolder holder,
            Optional<FakeJob> fakeJob, Optional<FakeJobs> fakeJobs) {
        String annotation = fakeJobs.isPresent() ? "@FakeJobs" : "@FakeJob";
        Class<?> kind = fakeJobs.isPresent() ? listElement(parameter.getParameter().getParameterizedType())
                : parameter.getParameter().getType();
        if (kind != FakeThirdPartyJob.class && kind != FakeCustomJob.class) {
            throw new ParameterResolutionException(annotation + " parameter " + describe(parameter) + " has type "
                    + typeName(parameter.getParameter().getParameterizedType()) + "; " + annotation + " needs "
                    + (fakeJobs.isPresent() ? "List<FakeThirdPartyJob> or List<FakeCustomJob>"
                            : "FakeThirdPartyJob or FakeCustomJob")
                    + ". Change the parameter type to one of those.");
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(annotation + " parameter " + describe(parameter) + " would be"
                    + " queued once for the class, but the mock is reset before each test, which drops it. Move it"
                    + " to a test method, a @BeforeEach method or the constructor of a class with the default"
                    + " per-method lifecycle.");
        }
        int count = fakeJobs.map(FakeJobs::count).orElse(1);
        if (count < 1) {
            throw new ParameterResolutionException("@FakeJobs parameter " + describe(parameter) + " has count="
                    + count + "; count must be at least 1. Use count = 1 or more.");
        }
        FakeJob spec = fakeJobs.map(FakeJobs::value).orElseGet(fakeJob::get);
        TestState state = prepare(context, holder);
        long index = state.nextJobIndices(count);
        try {
            List<?> jobs;
            if (kind == FakeThirdPartyJob.class) {
                List<FakeThirdPartyJob> built = FakeJobFactory.thirdParty(spec, state.generator(), index, count);
                if (spec.enqueue()) {
                    built.forEach(holder.mock()::enqueue);
                }
                jobs = built;
            } else {
                List<FakeCustomJob> built = FakeJobFactory.custom(spec, state.generator(), index, count);
                if (spec.enqueue()) {
                    built.forEach(holder.mock()::enqueue);
                }
                jobs = built;
            }
            return fakeJobs.isPresent() ? jobs : jobs.get(0);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(annotation + " parameter " + describe(parameter) + " cannot be"
                    + " built: " + e.getMessage(), e);
        }
    }

    private Object lambdaJob(ParameterContext parameter, ExtensionContext context, MockHolder holder,
            Optional<LambdaJob> annotation) {
        if (annotation.isEmpty()) {
            throw new ParameterResolutionException("Parameter " + describe(parameter) + " is a FakeLambdaJob without"
                    + " @LambdaJob, so nothing names its function. Annotate it with @LambdaJob(function = \"...\").");
        }
        if (parameter.getParameter().getType() != FakeLambdaJob.class) {
            throw new ParameterResolutionException("@LambdaJob parameter " + describe(parameter) + " has type "
                    + typeName(parameter.getParameter().getParameterizedType()) + "; @LambdaJob needs FakeLambdaJob."
                    + " Change the parameter type to FakeLambdaJob.");
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@LambdaJob parameter " + describe(parameter) + " would be queued"
                    + " once for the class, but the mock is reset before each test, which drops it. Move it to a test"
                    + " method, a @BeforeEach method or the constructor of a class with the default per-method"
                    + " lifecycle.");
        }
        LambdaJob spec = annotation.get();
        TestState state = prepare(context, holder);
        try {
            FakeCustomJob job = FakeJobFactory.lambda(spec, state.generator(), state.nextJobIndices(1));
            if (spec.enqueue()) {
                holder.mock().enqueue(job);
            }
            return new FakeLambdaJob(spec.function(), job);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@LambdaJob parameter " + describe(parameter) + " cannot be"
                    + " built: " + e.getMessage(), e);
        }
    }

    private static Class<?> listElement(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    private static String describe(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        String name = executable instanceof Constructor<?> ? executable.getDeclaringClass().getSimpleName()
                : executable.getDeclaringClass().getSimpleName() + "." + executable.getName();
        String parameterTypes = Arrays.stream(executable.getGenericParameterTypes())
                .map(CodePipelineMockExtension::typeName).collect(Collectors.joining(", "));
        return "[" + typeName(parameter.getParameter().getParameterizedType()) + " "
                + parameter.getParameter().getName() + "] in " + name + "(" + parameterTypes + ")";
    }

    /** A type's name without packages: {@code List<FakeThirdPartyJob>}. */
    private static String typeName(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replaceAll("\\$", ".");
    }

    // ---------------------------------------------------------------- failures

    @Override
    public final void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withReport(context, failure);
    }

    @Override
    public final void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withReport(context, failure);
    }

    @Override
    public final void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withReport(context, failure);
    }

    private Throwable withReport(ExtensionContext context, Throwable failure) {
        if (failure instanceof ParameterResolutionException unresolved) {
            return withSupportedTypes(unresolved);   // before the test ran: the mock has nothing to report
        }
        Optional<MockHolder> holder = ExtensionStore.holder(context);
        if (holder.isEmpty()) {
            return failure;
        }
        long seed = state(context, holder.get()).seed();
        return FailureReport.attach(failure, FailureReport.of(holder.get().mock(), seed));
    }

    /**
     * JUnit's error for a parameter no resolver took, with the types this extension injects; any other parameter
     * error as it is.
     */
    private static ParameterResolutionException withSupportedTypes(ParameterResolutionException failure) {
        String message = failure.getMessage();
        if (message == null || !message.startsWith("No ParameterResolver registered for parameter")) {
            return failure;
        }
        ParameterResolutionException hinted = new ParameterResolutionException(message + " " + SUPPORTED_TYPES);
        hinted.setStackTrace(failure.getStackTrace());
        return hinted;
    }

    /**
     * Every option of the extension. Defaults: region {@code us-east-1}, one attempt per SDK call, strict mock,
     * system clock, a free port, reset before each test, class seed from {@link Seed} or the class name.
     *
     * <pre>{@code
     * @RegisterExtension
     * static final CodePipelineMockExtension MOCK = CodePipelineMockExtension.builder()
     *         .clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z")))
     *         .maxAttempts(3)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String region = "us-east-1";
        private int maxAttempts = 1;
        private boolean strict = true;
        private boolean mockClock;
        private Clock clock;
        private int port;
        private boolean resetBeforeEachTest = true;
        private Long seed;
        private Consumer<CodePipelineMock.Builder> configureMock = builder -> { };

        private Builder() {}

        /** The region of the injected clients; {@code us-east-1} by default. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Attempts per call of the injected SDK clients: 1 (the default) for none of the SDK's retries. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The mock's strict mode (on by default). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Stands the mock on a {@link MockClock} at the time the class starts, put back there before each test
         * (and injectable); off by default.
         */
        public Builder mockClock(boolean mockClock) {
            this.mockClock = mockClock;
            return this;
        }

        /** The mock's clock; a {@link MockClock} given here is injectable but left where the tests move it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The port; 0 (the default) picks a free one. A fixed port cannot serve parallel classes. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Whether a class's mock is reset before each of its tests (the default); off, state accumulates. */
        public Builder resetBeforeEachTest(boolean reset) {
            this.resetBeforeEachTest = reset;
            return this;
        }

        /** The class seed, ahead of any {@link Seed} on the class. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Any other setting of the mock, e.g. {@code mock -> mock.dispatchTimeout(Duration.ofSeconds(30))}. */
        public Builder configureMock(Consumer<CodePipelineMock.Builder> configure) {
            this.configureMock = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /** The extension; its options are checked here. */
        public CodePipelineMockExtension build() {
            return new CodePipelineMockExtension(this);
        }

        MockOptions options() {
            return new MockOptions(region, maxAttempts, strict, mockClock, clock, port, resetBeforeEachTest, seed,
                    configureMock);
        }
    }
}
