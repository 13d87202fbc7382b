package io.github.cptestkit.mock.jobs;

import java.time.Duration;

/**
 * How the mock treats the jobs of one action type: how long an acknowledged job may run before it times out, and
 * which configuration property (if any) PollForJobs may filter on with {@code queryParam}.
 *
 * <pre>{@code
 * mock.registerActionType(type, ActionTypeSettings.defaults()
 *         .withJobTimeout(Duration.ofMinutes(30))
 *         .withQueryableProperty("ProjectName"));
 * }</pre>
 *
 * @param jobTimeout        how long a job may stay InProgress; {@code null} for the mock's default (24 hours for
 *                          custom and partner actions, 20 minutes for Lambda invoke actions, unless the builder
 *                          set another)
 * @param queryableProperty the action configuration key PollForJobs must filter on, or {@code null} when the type
 *                          has no queryable property
 */
public record ActionTypeSettings(Duration jobTimeout, String queryableProperty) {

    /** The shortest job timeout an action type can declare (UpdateActionType's {@code jobTimeout}). */
    public static final Duration MIN_JOB_TIMEOUT = Duration.ofSeconds(60);
    /** The longest job timeout an action type can declare (UpdateActionType's {@code jobTimeout}). */
    public static final Duration MAX_JOB_TIMEOUT = Duration.ofSeconds(43_200);

    /** Checks the timeout lies in 60..43200 seconds, as AWS requires of an action type's {@code jobTimeout}. */
    public ActionTypeSettings {
        if (jobTimeout != null && (jobTimeout.compareTo(MIN_JOB_TIMEOUT) < 0
                || jobTimeout.compareTo(MAX_JOB_TIMEOUT) > 0)) {
            throw new IllegalArgumentException("jobTimeout of an action type must be between 60 and 43200 seconds,"
                    + " but was " + jobTimeout.toSeconds() + " seconds; for other timeouts in tests use"
                    + " CodePipelineMock.builder().jobTimeout(...)");
        }
        if (queryableProperty != null && (queryableProperty.isEmpty() || queryableProperty.length() > 50)) {
            throw new IllegalArgumentException("queryableProperty must be an action configuration key of 1 to 50"
                    + " characters, but was '" + queryableProperty + "'");
        }
    }

    /** No timeout of its own, no queryable property. */
    public static ActionTypeSettings defaults() {
        return new ActionTypeSettings(null, null);
    }

    /** The same settings with another job timeout (60..43200 seconds). */
    public ActionTypeSettings withJobTimeout(Duration timeout) {
        return new ActionTypeSettings(timeout, queryableProperty);
    }

    /** The same settings with a queryable configuration property. */
    public ActionTypeSettings withQueryableProperty(String key) {
        return new ActionTypeSettings(jobTimeout, key);
    }
}
