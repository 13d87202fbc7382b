package io.github.cptestkit.junit;

import io.github.cptestkit.junit.internal.PerClassMockLock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the tests of a class against one {@link io.github.cptestkit.mock.CodePipelineMock}, started before the
 * first test and reset before each one, and resolves the parameters listed in {@link CodePipelineMockExtension}.
 * The tests of one class (its {@code @Nested} classes included) run one at a time even under JUnit's parallel
 * execution, since they share the mock; different classes run in parallel, each with its own mock.
 *
 * <pre>{@code
 * @CodePipelineMockTest
 * class ReportWorkerTest {
 *     @Test
 *     void reportsSuccess(CodePipelineClient codePipeline, CodePipelineMock mock,
 *             @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder") FakeThirdPartyJob job) {
 *         new ReportWorker(codePipeline).runOnce();
 *         assertThat(mock.job(job.jobId())).succeeded();
 *     }
 * }
 * }</pre>
 *
 * <p>Usable as a meta-annotation. Every other option is on {@link CodePipelineMockExtension#builder()}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CodePipelineMockExtension.class)
@ResourceLock(providers = PerClassMockLock.class)
public @interface CodePipelineMockTest {

    /**
     * The region the injected clients are configured with.
     *
     * @return an AWS region name such as {@code eu-west-1}
     */
    String region() default "us-east-1";

    /**
     * How many attempts the injected SDK clients make per call: 1 (the default) so that an error reaches the
     * test as it is; 3 or more to let the SDK's standard retry policy retry throttling and 5xx answers.
     *
     * @return attempts per call, 1 or more
     */
    int maxAttempts() default 1;

    /**
     * Whether the mock stands on a {@link io.github.cptestkit.mock.MockClock} (injectable as a parameter) put
     * back to the class's start instant before each test, instead of the system clock.
     *
     * @return {@code true} for a mock clock, {@code false} for the system clock
     */
    boolean mockClock() default false;

    /**
     * Whether answers and enqueued jobs that break the output schemas fail loudly (the mock's strict mode).
     *
     * @return {@code true} to fail loudly, {@code false} to serve broken answers with a logged warning
     */
    boolean strict() default true;

    /**
     * Whether the mock serves HTTPS beside HTTP and the injected clients (CodePipeline, S3, their async forms,
     * {@link JobS3Clients}) use it, trusting the mock's CA; {@code HttpsTrust} is then injectable for clients of
     * your own.
     *
     * @return {@code true} to serve and use HTTPS on a free port
     */
    boolean https() default false;
}
