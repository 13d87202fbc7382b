package io.github.cptestkit.mock.internal.lambda;

import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import java.util.List;

/**
 * One function as the mock sees it now: its settings, how many events wait for a runtime (ready now or due for a
 * retry), which invocations a runtime holds, and its attempts, newest first.
 *
 * <pre>{@code
 * FunctionView deploy = functions.view("Deploy").orElseThrow();
 * assertThat(deploy.pending()).isZero();
 * }</pre>
 *
 * @param functionName the function's name
 * @param settings     its settings
 * @param pending      events not yet handed to a runtime: queued, or waiting for a retry
 * @param ready        of those, the ones a runtime asking now gets at once (the others wait for their retry)
 * @param inFlight     the request ids of invocations a runtime holds and has not answered
 * @param attempts     the ended attempts, newest first (the last {@link LambdaFunctions#ATTEMPTS_KEPT})
 */
public record FunctionView(String functionName, FunctionSettings settings, int pending, int ready,
        List<String> inFlight,
        List<InvocationAttempt> attempts) {

    public FunctionView {
        inFlight = List.copyOf(inFlight);
        attempts = List.copyOf(attempts);
    }
}
