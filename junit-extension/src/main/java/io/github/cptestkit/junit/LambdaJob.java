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

    /**
     * The function's name (a plain Lambda function name).
     *
     * @return 1 to 64 letters, digits, {@code -} or {@code _}, e.g. {@code "Deploy"}; not an ARN
     */
    String function();

    /**
     * The action's UserParameters (1 to 1000 characters); drawn from the seed by default.
     *
     * @return the UserParameters, or empty for ones drawn from the seed
     */
    String userParameters() default "";

    /**
     * How many input artifacts (0 to 5); -1 (the default) leaves it to the preset.
     *
     * @return a count from 0 to 5, or -1
     */
    int inputArtifacts() default -1;

    /**
     * How many output artifacts (0 to 5); -1 (the default) leaves it to the preset.
     *
     * @return a count from 0 to 5, or -1
     */
    int outputArtifacts() default -1;

    /**
     * Whether the job carries a KMS encryption key.
     *
     * @return {@code true} for a job with an encryption key
     */
    boolean encrypted() default false;

    /**
     * Makes the job continue an earlier one ({@code data.continuationToken}); none by default.
     *
     * @return the token the job's data carries, or empty for a first job
     */
    String continuationToken() default "";

    /**
     * Whether to queue the job in the mock (invoking the function); {@code false} only builds it.
     *
     * @return {@code true} to queue the job before the test
     */
    boolean enqueue() default true;
}
