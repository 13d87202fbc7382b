package io.github.cptestkit.mock.lambda;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Lambda function the mock serves, as it is now: where its runtime reaches it, its settings, the events waiting for
 * a runtime, the invocations a runtime holds, and its ended attempts, newest first.
 *
 * <pre>{@code
 * LambdaFunction deploy = mock.lambdaFunction("Deploy").orElseThrow();
 * deploy.runtimeApi();   // "127.0.0.1:8080/__lambda/Deploy": the runtime's AWS_LAMBDA_RUNTIME_API
 * assertThat(deploy.attempts()).extracting(InvocationAttempt::outcome)
 *         .containsExactly(InvocationAttempt.Outcome.RESPONDED);
 * }</pre>
 *
 * @param functionName the function's name
 * @param runtimeApi   what {@code AWS_LAMBDA_RUNTIME_API} says for it: {@code host:port/__lambda/<name>}
 * @param settings     its settings
 * @param pending      events not yet handed to a runtime: queued, or waiting for a retry
 * @param ready        of those, the ones a runtime asking now gets at once (the others wait for their retry)
 * @param inFlight     the request ids of the invocations runtimes hold
 * @param attempts     its ended attempts, newest first (its last 1,000)
 */
public record LambdaFunction(String functionName, String runtimeApi, FunctionSettings settings, int pending,
        int ready, List<String> inFlight, List<InvocationAttempt> attempts) {

    /** Lambda's function names (the mock serves plain names, not ARNs or qualified names). */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /**
     * Refuses a name that is not a plain Lambda function name.
     *
     * @param name the function name to check: 1 to 64 letters, digits, {@code -} or {@code _} ({@link #NAME})
     * @throws IllegalArgumentException naming the value, when it is {@code null}, an ARN, a qualified name or otherwise
     *                                  not such a name
     */
    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a function name must be 1 to 64 letters, digits, '-' or '_' (a plain"
                    + " Lambda function name, not an ARN), but was " + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /**
     * Copies the lists; the name, the runtime API address and the settings are required.
     *
     * @param functionName the function's name
     * @param runtimeApi   what {@code AWS_LAMBDA_RUNTIME_API} says for it: {@code host:port/__lambda/<name>}
     * @param settings     its settings
     * @param pending      events not yet handed to a runtime: queued, or waiting for a retry
     * @param ready        of those, the ones a runtime asking now gets at once (the others wait for their retry)
     * @param inFlight     the request ids of the invocations runtimes hold
     * @param attempts     its ended attempts, newest first (its last 1,000)
     */
    public LambdaFunction {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(runtimeApi, "runtimeApi");
        Objects.requireNonNull(settings, "settings");
        inFlight = List.copyOf(inFlight);
        attempts = List.copyOf(attempts);
    }
}
