package io.github.cptestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Several distinct fake jobs for this test, all built from {@link #value()}, queued in the mock in list order and
 * injected as a {@code List<FakeThirdPartyJob>} or {@code List<FakeCustomJob>}.
 *
 * <pre>{@code
 * @Test
 * void drainsTheQueue(@FakeJobs(count = 3, value = @FakeJob(provider = "ReportBuilder"))
 *         List<FakeThirdPartyJob> jobs) { ... }
 * }</pre>
 *
 * <p>Not to be confused with {@link io.github.cptestkit.fixtures.FakeJobs}, the fixtures' entry point; inject a
 * {@link io.github.cptestkit.fixtures.FakeJobGenerator} to build more jobs from the test's seed.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FakeJobs {

    /**
     * How many jobs (1 or more).
     *
     * @return the number of distinct jobs, 1 or more
     */
    int count();

    /**
     * What each job is like; the fixtures' defaults by default.
     *
     * @return the options every job is built with; what they leave unset differs from job to job (each job is its
     *     own index of the test's seed)
     */
    FakeJob value() default @FakeJob;
}
