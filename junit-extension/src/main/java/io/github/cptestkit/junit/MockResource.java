package io.github.cptestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An instance field the extension sets before each test, after the reset, with what it would inject as a parameter
 * of the field's type: {@link io.github.cptestkit.mock.CodePipelineMock}, the SDK clients pointed at it
 * ({@code CodePipelineClient}, {@code CodePipelineAsyncClient}, {@code S3Client}, {@code S3AsyncClient}),
 * {@link JobS3Clients}, {@link JobS3AsyncClients}, the test's {@link io.github.cptestkit.fixtures.FakeJobGenerator}
 * or the mock's {@link io.github.cptestkit.mock.MockClock}. Fake jobs take {@link FakeJob} on the field instead.
 *
 * <pre>{@code
 * @CodePipelineMockTest
 * class ReportWorkerTest {
 *     @MockResource CodePipelineMock mock;
 *     @MockResource CodePipelineClient codePipeline;
 *     @MockResource JobS3Clients s3;
 *     @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder") FakeThirdPartyJob job;
 *
 *     @Test
 *     void reportsSuccess() {
 *         new ReportWorker(codePipeline, s3::create).runOnce();
 *         assertThat(mock).job(job.jobId()).succeeded();
 *     }
 * }
 * }</pre>
 *
 * <p>A static or final field, or one of another type, fails the class with a message naming the field and the fix.
 */
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MockResource {}
