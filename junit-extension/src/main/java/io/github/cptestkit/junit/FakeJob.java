package io.github.cptestkit.junit;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.Preset;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fake job for this test: built from the test's seed, queued in the mock before the test runs, and injected.
 * The parameter's (or field's) type picks the kind: {@link io.github.cptestkit.wire.FakeThirdPartyJob} (a
 * partner action job, its clientId/clientToken registered) or {@link io.github.cptestkit.wire.FakeCustomJob}
 * (a custom or, with {@code preset = Preset.LAMBDA_INVOKE}, a Lambda invoke job). Every parameter and field is a
 * distinct job.
 *
 * <pre>{@code
 * @Test
 * void failsOnMissingConfiguration(
 *         @FakeJob(preset = Preset.MINIMAL, category = ActionCategory.BUILD, provider = "ReportBuilder")
 *         FakeThirdPartyJob job) { ... }
 * }</pre>
 *
 * <p>On an instance field, the job is built and queued before each test, after the reset (a static field is
 * refused: the reset would drop a class-wide job):
 *
 * <pre>{@code
 * @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder")
 * FakeThirdPartyJob job;
 * }</pre>
 *
 * <p>What is left unset comes from the preset, then from the seed, as in the fixtures' builders.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FakeJob {

    /**
     * A ready-made situation (at most one); none by default.
     *
     * @return empty, or one preset
     */
    Preset[] preset() default {};

    /**
     * The action category (at most one); the preset's, or drawn from the seed, by default.
     *
     * @return empty, or one category
     */
    ActionCategory[] category() default {};

    /**
     * The action provider, e.g. {@code "ReportBuilder"}; the preset's, or drawn from the seed, by default.
     *
     * @return the provider's name, or empty for the default
     */
    String provider() default "";

    /**
     * The action type version, e.g. {@code "1"}; the preset's, or drawn from the seed, by default.
     *
     * @return the version, or empty for the default
     */
    String version() default "";

    /**
     * How many input artifacts (0 to 5); -1 (the default) leaves it to the preset and category.
     *
     * @return a count from 0 to 5, or -1
     */
    int inputArtifacts() default -1;

    /**
     * How many output artifacts (0 to 5); -1 (the default) leaves it to the preset and category.
     *
     * @return a count from 0 to 5, or -1
     */
    int outputArtifacts() default -1;

    /**
     * Whether the job carries a KMS encryption key; {@code false} leaves it to the preset.
     *
     * @return {@code true} for a job with an encryption key, {@code false} to leave it to the preset
     */
    boolean encrypted() default false;

    /**
     * Configuration properties, each {@code "Key=Value"}, added to or replacing the generated ones.
     *
     * @return properties as {@code "Key=Value"}; the value may contain {@code =}
     */
    String[] configuration() default {};

    /**
     * Makes the job continue an earlier one ({@code data.continuationToken}); none by default.
     *
     * @return the token the job's data carries, or empty for a first job
     */
    String continuationToken() default "";

    /**
     * Whether to queue the job in the mock; {@code false} only builds it.
     *
     * @return {@code true} to queue the job before the test
     */
    boolean enqueue() default true;
}
