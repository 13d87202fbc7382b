package io.github.cptestkit.mock.executions;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the mock plays an AWS-owned action it does not really run (CodeBuild, CodeDeploy, CloudFormation, S3 deploy,
 * a source action, ...): it succeeds or fails once {@code duration} has passed on the mock's clock after the action
 * started, with these output variables or this failure message. Set per action of a pipeline; an action without one
 * succeeds at once with no variables (source actions: with their provider's variables).
 *
 * <pre>{@code
 * mock.simulate("release", "Deploy", "DeployToProd", SimulatedAction.failAfter(Duration.ofMinutes(3), "stack rolled back"));
 * mock.simulate("release", "Build", "CodeBuild", SimulatedAction.succeedAfter(Duration.ofMinutes(5))
 *         .withOutputVariables(Map.of("IMAGE_TAG", "1.4")));
 * }</pre>
 *
 * @param duration        how long the action runs on the mock's clock
 * @param succeeds        whether it succeeds
 * @param failureMessage  the failure's message (errorDetails.message), {@code null} when it succeeds
 * @param outputVariables the variables it produces when it succeeds (a source action's replace its provider's)
 */
public record SimulatedAction(Duration duration, boolean succeeds, String failureMessage,
        Map<String, String> outputVariables) {

    /**
     * Copies the variables ({@code null} is none); a {@code null} or negative duration, or a failure without a message,
     * is refused.
     *
     * @param duration        how long the action runs on the mock's clock
     * @param succeeds        whether it succeeds
     * @param failureMessage  the failure's message (errorDetails.message), {@code null} when it succeeds
     * @param outputVariables the variables it produces when it succeeds (a source action's replace its provider's)
     */
    public SimulatedAction {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a simulated action's duration must be zero or more, but was "
                    + duration);
        }
        if (!succeeds) {
            Objects.requireNonNull(failureMessage, "failureMessage");
        }
        outputVariables = outputVariables == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(outputVariables));
    }

    /**
     * Succeeds at once, with no output variables (as an action without a simulation does).
     *
     * @return a simulation of zero duration that succeeds
     */
    public static SimulatedAction succeed() {
        return succeedAfter(Duration.ZERO);
    }

    /**
     * Succeeds once {@code duration} has passed on the mock's clock, with no output variables.
     *
     * @param duration how long the action runs on the mock's clock; zero or more
     * @return a simulation that succeeds
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public static SimulatedAction succeedAfter(Duration duration) {
        return new SimulatedAction(duration, true, null, null);
    }

    /**
     * Fails at once with {@code message}.
     *
     * @param message the failure's message (the action's errorDetails.message); not {@code null}
     * @return a simulation of zero duration that fails
     */
    public static SimulatedAction fail(String message) {
        return failAfter(Duration.ZERO, message);
    }

    /**
     * Fails with {@code message} once {@code duration} has passed on the mock's clock.
     *
     * @param duration how long the action runs on the mock's clock; zero or more
     * @param message  the failure's message (the action's errorDetails.message); not {@code null}
     * @return a simulation that fails
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public static SimulatedAction failAfter(Duration duration, String message) {
        return new SimulatedAction(duration, false, message, null);
    }

    /**
     * The same, producing these output variables when it succeeds (a failing simulation produces none).
     *
     * @param variables the variables by name, copied; {@code null} is none
     * @return a new simulation; this one is unchanged
     */
    public SimulatedAction withOutputVariables(Map<String, String> variables) {
        return new SimulatedAction(duration, succeeds, failureMessage, variables);
    }
}
