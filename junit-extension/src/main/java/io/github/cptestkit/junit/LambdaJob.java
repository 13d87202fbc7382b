package io.github.cptestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Lambda invoke job for this test, injected as a {@link FakeLambdaJob}: built from the test's seed (preset
 * {@code LAMBDA_INVOKE}) with {@code FunctionName} set to {@link #function()}, and queued in the mock before the
 * test runs, which invokes the function with the job's {@code {"CodePipeline.job": ...}} event.
 *
 * <pre>{@code
 * @Test
 * void failsWithoutTheReport(LambdaHarness lambda,
 *         @LambdaJob(function = "Verify", userParameters = "{\"report\":\"report.json\"}", inputArtifacts = 1)
 *         FakeLambdaJob job) { ... }
 * }</pre>
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LambdaJob {

    /** The function's name (a plain Lambda function name). */
    String function();

    /** The action's UserParameters (1 to 1000 characters); drawn from the seed by default. */
    String userParameters() default "";

    /** How many input artifacts (0 to 5); -1 (the default) leaves it to the preset. */
    int inputArtifacts() default -1;

    /** How many output artifacts (0 to 5); -1 (the default) leaves it to the preset. */
    int outputArtifacts() default -1;

    /** Whether the job carries a KMS encryption key. */
    boolean encrypted() default false;

    /** Makes the job continue an earlier one ({@code data.continuationToken}); none by default. */
    String continuationToken() default "";

    /** Whether to queue the job in the mock (invoking the function); {@code false} only builds it. */
    boolean enqueue() default true;
}
