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
 * @param jobTimeout        how long each job of the type may stay InProgress, counted from its acknowledge ("the
 *                          timeout for a single job, not the entire action execution"); {@code null} for the
 *                          builder's, if any. The action's own timeout (24 hours for custom actions, 1 hour for
 *                          partner actions, 20 minutes for Lambda invoke actions, across its continuation jobs)
 *                          applies either way
 * @param queryableProperty the action configuration key PollForJobs must filter on, or {@code null} when the type
 *                          has no queryable property
 */
public record ActionTypeSettings(Duration jobTimeout, String queryableProperty) {

    /** The shortest job timeout an action type can declare (UpdateActionType's {@code jobTimeout}). */
    public static final Duration MIN_JOB_TIMEOUT = Duration.ofSeconds(60);
    /** The longest job timeout an action type can declare (UpdateActionType's {@code jobTimeout}). */
    public static final Duration MAX_JOB_TIMEOUT = Duration.ofSeconds(43_200);

    /** The longest value a queryable property may have in a pipeline (CreateCustomActionType's {@code queryable}). */
    public static final int MAX_QUERYABLE_VALUE_LENGTH = 20;
    private static final java.util.regex.Pattern QUERYABLE_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Checks the timeout lies in 60..43200 seconds, as AWS requires of an action type's {@code jobTimeout}, and the
     * queryable property has 1 to 50 characters; an {@link IllegalArgumentException} otherwise.
     *
     * @param jobTimeout        how long each job of the type may stay InProgress, counted from its acknowledge ("the
     *                          timeout for a single job, not the entire action execution"); {@code null} for the
     *                          builder's, if any. The action's own timeout (24 hours for custom actions, 1 hour for
     *                          partner actions, 20 minutes for Lambda invoke actions, across its continuation jobs)
     *                          applies either way
     * @param queryableProperty the action configuration key PollForJobs must filter on, or {@code null} when the type
     *                          has no queryable property
     */
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

    /**
     * Checks a job's value of a queryable property: present, at most 20 characters, only letters, digits, {@code _}
     * and {@code -}, as the model's {@code ActionConfigurationProperty.queryable} requires (the property is required,
     * and "the value must be less than or equal to twenty (20) characters ... only alphanumeric characters,
     * underscores, and hyphens").
     *
     * @param property the queryable property's name, as the message names it
     * @param value    the job's value of it, or {@code null} when its configuration has none
     * @throws IllegalArgumentException naming the property, the rule and the fix, when the value breaks the rule
     */
    public static void checkQueryableValue(String property, String value) {
        if (value == null) {
            throw new IllegalArgumentException("the queryable property '" + property + "' is required, but the job's"
                    + " action configuration has no '" + property + "'; give the job a value for it");
        }
        if (value.length() > MAX_QUERYABLE_VALUE_LENGTH || !QUERYABLE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("the queryable property '" + property + "' must be at most "
                    + MAX_QUERYABLE_VALUE_LENGTH + " letters, digits, _ and -, but was '" + value + "' ("
                    + value.length() + " characters); use a shorter value of those characters");
        }
    }

    /**
     * No timeout of its own, no queryable property.
     *
     * @return settings whose jobs time out after the mock builder's job timeout, if any
     */
    public static ActionTypeSettings defaults() {
        return new ActionTypeSettings(null, null);
    }

    /**
     * The same settings with another job timeout.
     *
     * @param timeout how long each job may stay InProgress after its acknowledge: 60..43200 seconds, or {@code null}
     *                for the builder's
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException when {@code timeout} is outside 60..43200 seconds
     */
    public ActionTypeSettings withJobTimeout(Duration timeout) {
        return new ActionTypeSettings(timeout, queryableProperty);
    }

    /**
     * The same settings with a queryable configuration property.
     *
     * @param key the action configuration key PollForJobs filters on with {@code queryParam}: 1 to 50 characters, or
     *            {@code null} for none
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException when {@code key} is empty or longer than 50 characters
     */
    public ActionTypeSettings withQueryableProperty(String key) {
        return new ActionTypeSettings(jobTimeout, key);
    }
}
