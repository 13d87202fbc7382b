package io.github.cptestkit.junit;

import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.junit.internal.DeclaredFaults;
import io.github.cptestkit.junit.internal.DeclaredSimulations;
import io.github.cptestkit.junit.internal.ExtensionStore;
import io.github.cptestkit.junit.internal.FailureReport;
import io.github.cptestkit.junit.internal.FakeJobFactory;
import io.github.cptestkit.junit.internal.MockHolder;
import io.github.cptestkit.junit.internal.MockOptions;
import io.github.cptestkit.junit.internal.Seeds;
import io.github.cptestkit.junit.internal.TestState;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.tls.HttpsTrust;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
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
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
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
 * the mock stands on one; {@link HttpsTrust} when it serves HTTPS ({@code https = true}: the injected clients then
 * use its HTTPS port); {@code @FakeJob FakeThirdPartyJob} / {@code @FakeJob FakeCustomJob}, queued before the
 * test; {@code @FakeJobs List<FakeThirdPartyJob>} / {@code List<FakeCustomJob>}; {@code @PipelineResource
 * PipelineSnapshot}, a pipeline created from a class-path resource before the test ({@link PipelineResource}).
 * Instance fields take the same with {@link MockResource} (or {@link FakeJob} / {@link FakeJobs} for jobs), set
 * before each test.
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

    /**
     * For subclasses: the builder's options.
     *
     * @param builder the options; read once here, so later changes to the builder do not reach this extension
     * @throws IllegalArgumentException if the region is blank or {@code maxAttempts} is below 1
     */
    protected CodePipelineMockExtension(Builder builder) {
        this.options = builder.options();
    }

    /**
     * Options for {@code @RegisterExtension}.
     *
     * @return a builder with the defaults listed on {@link Builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- hooks for subclasses

    /**
     * Called once the mock of a class (or of a test, for an instance field) has started.
     *
     * @param context the context of the class (or, for an instance field, of the test) that owns the mock
     * @param mock the running mock, not yet reset
     */
    protected void onMockStarted(ExtensionContext context, CodePipelineMock mock) {}

    /**
     * Called before each test, after the reset and the declared faults.
     *
     * @param context the test's context
     * @param mock the mock the test will use
     */
    protected void onBeforeEach(ExtensionContext context, CodePipelineMock mock) {}

    /**
     * Called after each test.
     *
     * @param context the test's context
     * @param mock the mock the test used, as the test left it
     */
    protected void onAfterEach(ExtensionContext context, CodePipelineMock mock) {}

    // ---------------------------------------------------------------- lifecycle

    @Override
    public final void beforeAll(ExtensionContext context) {
        refuseStaticFields(context.getRequiredTestClass());
        holder(context);
    }

    @Override
    public final void beforeEach(ExtensionContext context) {
        MockHolder holder = holder(context);
        prepare(context, holder);
        injectFields(context, holder);
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
     * resets it and plans the declared faults and simulated actions.
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
        DeclaredSimulations.of(context).forEach(simulation -> simulation.planOn(holder.mock()));
        return state;
    }

    private MockOptions options(ExtensionContext context) {
        if (options != null) {
            return options;
        }
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CodePipelineMockTest.class,
                        context.getEnclosingTestClasses())
                .map(a -> new MockOptions(a.region(), a.maxAttempts(), a.strict(), a.mockClock(), null, 0, true,
                        null, a.https(), builder -> { }))
                .orElseGet(MockOptions::defaults);
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
    }

    // ---------------------------------------------------------------- parameters

    /** The types injected without an annotation, by exact type. */
    private static final List<Class<?>> INJECTED = List.of(CodePipelineMock.class, CodePipelineClient.class,
            CodePipelineAsyncClient.class, S3Client.class, S3AsyncClient.class, JobS3Clients.class,
            JobS3AsyncClients.class, FakeJobGenerator.class, MockClock.class, HttpsTrust.class);

    /** What a parameter JUnit found no resolver for gains: what the extension would have injected. */
    private static final String SUPPORTED_TYPES = "CodePipelineMockExtension injects "
            + INJECTED.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
            + ", LambdaHarness, @FakeJob FakeThirdPartyJob or FakeCustomJob, @FakeJobs List<FakeThirdPartyJob> or"
            + " List<FakeCustomJob>, (@LambdaJob) FakeLambdaJob, and @PipelineResource PipelineSnapshot. Use one of"
            + " those types, or build another client on mock.endpoint().";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.isAnnotated(FakeJob.class) || parameter.isAnnotated(FakeJobs.class)
                || parameter.isAnnotated(PipelineResource.class)
                || parameter.isAnnotated(LambdaJob.class) || type == FakeLambdaJob.class || type == LambdaHarness.class
                || INJECTED.contains(type) || type == FakeThirdPartyJob.class || type == FakeCustomJob.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        MockHolder holder = holder(context);
        Optional<FakeJob> fakeJob = parameter.findAnnotation(FakeJob.class);
        Optional<FakeJobs> fakeJobs = parameter.findAnnotation(FakeJobs.class);
        Injection injection = new Injection("parameter " + describe(parameter),
                parameter.getParameter().getParameterizedType(), ParameterResolutionException::new);
        if (fakeJob.isPresent() || fakeJobs.isPresent()) {
            if (context.getTestMethod().isEmpty()) {
                String annotation = fakeJobs.isPresent() ? "@FakeJobs" : "@FakeJob";
                throw new ParameterResolutionException(annotation + " " + injection.subject() + " would be"
                        + " queued once for the class, but the mock is reset before each test, which drops it. Move"
                        + " it to a test method, a @BeforeEach method or the constructor of a class with the default"
                        + " per-method lifecycle.");
            }
            return fakeJobs(injection, context, holder, fakeJob, fakeJobs);
        }
        Optional<PipelineResource> pipeline = parameter.findAnnotation(PipelineResource.class);
        if (pipeline.isPresent()) {
            return pipeline(parameter, context, holder, pipeline.get());
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
        return injected(injection, type, context, holder);
    }

    /**
     * A parameter or field being injected: {@code subject} names it in messages ("parameter [String arg0] in
     * ReportTest.reports(String)"), {@code error} makes the exception that refuses it.
     */
    private record Injection(String subject, Type type, BiFunction<String, Throwable, RuntimeException> error) {
        RuntimeException refuse(String message) {
            return error.apply(message, null);
        }
    }

    /** One of the {@link #INJECTED} types. */
    private Object injected(Injection injection, Class<?> type, ExtensionContext context, MockHolder holder) {
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
        if (type == HttpsTrust.class) {
            String subject = injection.subject();
            return holder.mock().httpsTrustIfServed().orElseThrow(() -> injection.refuse(
                    Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " needs a mock that serves"
                    + " HTTPS, but this one serves HTTP only. Use @CodePipelineMockTest(https = true) or"
                    + " CodePipelineMockExtension.builder().https(true)."));
        }
        if (holder.mockClock() == null) {
            String subject = injection.subject();
            throw injection.refuse(Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " needs a mock"
                    + " on a MockClock, but this mock reads " + holder.mock().clock() + ". Use"
                    + " @CodePipelineMockTest(mockClock = true) or CodePipelineMockExtension.builder()"
                    + ".clock(MockClock.at(...)).");
        }
        return holder.mockClock();
    }

    private Object fakeJobs(Injection injection, ExtensionContext context, MockHolder holder,
            Optional<FakeJob> fakeJob, Optional<FakeJobs> fakeJobs) {
        String annotation = fakeJobs.isPresent() ? "@FakeJobs" : "@FakeJob";
        Class<?> kind = fakeJobs.isPresent() ? listElement(injection.type())
                : injection.type() instanceof Class<?> raw ? raw : Object.class;
        if (kind != FakeThirdPartyJob.class && kind != FakeCustomJob.class) {
            throw injection.refuse(annotation + " " + injection.subject() + " has type "
                    + typeName(injection.type()) + "; " + annotation + " needs "
                    + (fakeJobs.isPresent() ? "List<FakeThirdPartyJob> or List<FakeCustomJob>"
                            : "FakeThirdPartyJob or FakeCustomJob")
                    + ". Change the " + injection.subject().substring(0, injection.subject().indexOf(' '))
                    + " type to one of those.");
        }
        int count = fakeJobs.map(FakeJobs::count).orElse(1);
        if (count < 1) {
            throw injection.refuse("@FakeJobs " + injection.subject() + " has count=" + count + "; count must be"
                    + " at least 1. Use count = 1 or more.");
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
            throw injection.error().apply(annotation + " " + injection.subject() + " cannot be built: "
                    + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- fields

    /**
     * Before each test, after the reset: every {@link MockResource} and {@link FakeJob}/{@link FakeJobs} instance
     * field of the test instances (the outer ones of a {@code @Nested} class first), jobs queued in field order.
     */
    private void injectFields(ExtensionContext context, MockHolder holder) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            refuseStaticFields(instance.getClass());
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), MockResource.class,
                    f -> true)) {
                set(field, instance, injected(fieldInjection(field), supported(field), context,
                        holder));
            }
            for (Field field : jobFields(instance.getClass())) {
                Injection injection = fieldInjection(field);
                Optional<FakeJob> fakeJob = AnnotationSupport.findAnnotation(field, FakeJob.class);
                Optional<FakeJobs> fakeJobs = AnnotationSupport.findAnnotation(field, FakeJobs.class);
                set(field, instance, fakeJobs(injection, context, holder, fakeJob, fakeJobs));
            }
        }
    }

    /** The fields of {@code type} (and its superclasses) with {@code @FakeJob} or {@code @FakeJobs}, direct or meta. */
    private static List<Field> jobFields(Class<?> type) {
        return ReflectionSupport.findFields(type, field -> AnnotationSupport.isAnnotated(field, FakeJob.class)
                || AnnotationSupport.isAnnotated(field, FakeJobs.class), HierarchyTraversalMode.TOP_DOWN);
    }

    /** Refuses the static fields the extension would inject: a class-wide value the reset before each test drops. */
    private static void refuseStaticFields(Class<?> type) {
        List<Field> fields = new ArrayList<>(AnnotationSupport.findAnnotatedFields(type, MockResource.class,
                f -> true));
        fields.addAll(jobFields(type));
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers())) {
                throw new ExtensionConfigurationException(annotationOf(field) + " field " + fieldName(field)
                        + " is static, but the extension injects fields before each test (the mock is reset then,"
                        + " which would drop a class-wide job). Make it an instance field: remove 'static'.");
            }
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(annotationOf(field) + " field " + fieldName(field)
                        + " is final, so the extension cannot inject it. Remove 'final'.");
            }
        }
    }

    private static Injection fieldInjection(Field field) {
        return new Injection("field " + fieldName(field), field.getGenericType(),
                (message, cause) -> new ExtensionConfigurationException(message, cause));
    }

    /** The field's type when the extension injects it, else an error listing those it does. */
    private static Class<?> supported(Field field) {
        if (!INJECTED.contains(field.getType())) {
            throw new ExtensionConfigurationException("@MockResource field " + fieldName(field) + " has type "
                    + typeName(field.getGenericType()) + ", which the extension does not inject; @MockResource"
                    + " takes " + INJECTED.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
                    + ". Change the field type to one of those (fake jobs take @FakeJob instead).");
        }
        return field.getType();
    }

    private static String annotationOf(Field field) {
        return AnnotationSupport.isAnnotated(field, MockResource.class) ? "@MockResource"
                : AnnotationSupport.isAnnotated(field, FakeJobs.class) ? "@FakeJobs" : "@FakeJob";
    }

    /** {@code [List<FakeThirdPartyJob> jobs] in ReportTest}. */
    private static String fieldName(Field field) {
        return "[" + typeName(field.getGenericType()) + " " + field.getName() + "] in "
                + typeName(field.getDeclaringClass());
    }

    private static void set(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("Field " + fieldName(field) + " cannot be set: "
                    + e.getMessage() + ". Make it a non-final instance field of a class the extension can reach"
                    + " (open the test package to JUnit if it is in a named module).", e);
        }
    }

    /** A {@code @PipelineResource} parameter: its action types and pipeline created in the prepared mock. */
    private Object pipeline(ParameterContext parameter, ExtensionContext context, MockHolder holder,
            PipelineResource resource) {
        if (parameter.getParameter().getType() != PipelineSnapshot.class) {
            throw new ParameterResolutionException("@PipelineResource parameter " + describe(parameter) + " has type "
                    + typeName(parameter.getParameter().getParameterizedType()) + "; @PipelineResource needs"
                    + " PipelineSnapshot. Change the parameter type.");
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@PipelineResource parameter " + describe(parameter) + " would be"
                    + " created once for the class, but the mock is reset before each test, which drops it. Move it"
                    + " to a test method, a @BeforeEach method or the constructor of a class with the default"
                    + " per-method lifecycle.");
        }
        prepare(context, holder);
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        String current = null;
        try {
            for (String type : resource.actionTypes()) {
                current = type;
                holder.mock().createCustomActionType(resourceText(loader, type, parameter));
            }
            current = resource.value();
            return holder.mock().createPipeline(resourceText(loader, resource.value(), parameter));
        } catch (ControlPlaneException e) {
            throw new ParameterResolutionException("@PipelineResource parameter " + describe(parameter) + ": the"
                    + " mock refused the resource " + current + " with " + e.getMessage(), e);
        }
    }

    private static String resourceText(ClassLoader loader, String name, ParameterContext parameter) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ParameterResolutionException("@PipelineResource parameter " + describe(parameter)
                        + " names the resource " + name + ", which is not on the test class path. Put it under"
                        + " src/test/resources/" + path + ", or fix the name.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterResolutionException("@PipelineResource parameter " + describe(parameter)
                    + " cannot read the resource " + name + ": " + e.getMessage(), e);
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
        private boolean https;
        private Consumer<CodePipelineMock.Builder> configureMock = builder -> { };

        private Builder() {}

        /**
         * The region of the injected clients; {@code us-east-1} by default.
         *
         * @param region an AWS region name such as {@code eu-west-1}; not null or blank
         * @return this builder
         * @throws NullPointerException if {@code region} is null
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Attempts per call of the injected SDK clients: 1 (the default) for none of the SDK's retries.
         *
         * @param maxAttempts attempts per call, 1 or more; {@link #build()} refuses less
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The mock's strict mode (on by default).
         *
         * @param strict true to fail loudly on answers and enqueued jobs that break the output schemas, false to serve
         *     them with a logged warning
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Stands the mock on a {@link MockClock} at the time the class starts, put back there before each test
         * (and injectable); off by default.
         *
         * @param mockClock true for a mock clock per class, false for the clock of {@link #clock(Clock)} or the
         *     system's
         * @return this builder
         */
        public Builder mockClock(boolean mockClock) {
            this.mockClock = mockClock;
            return this;
        }

        /**
         * The mock's clock; a {@link MockClock} given here is injectable but left where the tests move it.
         *
         * @param clock the clock the mock reads its time from; not null
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The port; 0 (the default) picks a free one. A fixed port cannot serve parallel classes.
         *
         * @param port the HTTP port to listen on, 1 to 65535, or 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Whether a class's mock is reset before each of its tests (the default); off, state accumulates.
         *
         * @param reset true to reset before each test, false to keep jobs, calls and stubs across the class's tests
         * @return this builder
         */
        public Builder resetBeforeEachTest(boolean reset) {
            this.resetBeforeEachTest = reset;
            return this;
        }

        /**
         * The class seed, ahead of any {@link Seed} on the class.
         *
         * @param seed the seed the tests' fake jobs derive from; any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Serves HTTPS beside HTTP (the mock's {@code httpsPort(0)}) and points the injected clients at it,
         * trusting the mock's CA and nothing machine-wide; off by default. Inject {@code HttpsTrust} for a client
         * of your own (an SDK v1 worker that uploads with SSE-KMS needs HTTPS).
         *
         * @param https true to serve HTTPS on a free port too and point the injected clients at it
         * @return this builder
         */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /**
         * Any other setting of the mock, e.g. {@code mock -> mock.dispatchTimeout(Duration.ofSeconds(30))}.
         *
         * @param configure called with the mock's builder before each mock starts, after the options above are applied;
         *     not null
         * @return this builder
         * @throws NullPointerException if {@code configure} is null
         */
        public Builder configureMock(Consumer<CodePipelineMock.Builder> configure) {
            this.configureMock = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /**
         * The extension; its options are checked here.
         *
         * @return the extension, to put in a {@code @RegisterExtension} field
         * @throws IllegalArgumentException if the region is blank or {@code maxAttempts} is below 1
         */
        public CodePipelineMockExtension build() {
            return new CodePipelineMockExtension(this);
        }

        MockOptions options() {
            return new MockOptions(region, maxAttempts, strict, mockClock, clock, port, resetBeforeEachTest, seed,
                    https, configureMock);
        }
    }
}
