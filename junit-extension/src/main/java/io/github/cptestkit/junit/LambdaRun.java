package io.github.cptestkit.junit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What one invocation of a handler in the test's JVM did: the invocation it took from the mock's Lambda Runtime
 * API, what the handler answered (its output, serialized as the Java runtime serializes it) or threw, and the lines
 * it logged through its {@code Context}'s logger (secrets redacted). The job's own fate is the mock's: assert it on
 * {@code mock.job(run.jobId())}.
 *
 * <pre>{@code
 * LambdaRun run = lambda.invoke(job, new DeployHandler());
 * assertThat(run.thrown()).isNull();
 * assertThat(mock.job(run.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
 * }</pre>
 *
 * @param functionName the function invoked
 * @param requestId    the invocation's request id
 * @param jobId        the job its event carried
 * @param attempt      1 for the first attempt, 2 and 3 for Lambda's retries
 * @param output       what the handler answered, as the runtime posted it; empty when it threw
 * @param thrown       what the handler threw (posted to the Runtime API as the invocation's error), or {@code null}
 * @param logLines     what it logged through {@code context.getLogger()}, oldest first, secrets redacted
 */
public record LambdaRun(String functionName, String requestId, String jobId, int attempt, byte[] output,
        Throwable thrown, List<String> logLines) {

    /**
     * Requires the function name and request id; a null output becomes empty, the log lines are copied.
     *
     * @param functionName the function invoked; not null
     * @param requestId    the invocation's request id; not null
     * @param jobId        the job its event carried
     * @param attempt      1 for the first attempt, 2 and 3 for Lambda's retries
     * @param output       what the handler answered; {@code null} is empty
     * @param thrown       what the handler threw, or {@code null}
     * @param logLines     what it logged, oldest first; not null
     */
    public LambdaRun {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(requestId, "requestId");
        output = output == null ? new byte[0] : output;
        logLines = List.copyOf(logLines);
    }

    /**
     * The output as UTF-8 text: {@code "ok"} (with its quotes) for a handler that returned the String ok.
     *
     * @return the output decoded as UTF-8; empty when the handler threw
     */
    public String outputText() {
        return new String(output, StandardCharsets.UTF_8);
    }

    /**
     * Whether the handler returned normally.
     *
     * @return {@code true} when the handler returned, {@code false} when it threw
     */
    public boolean answered() {
        return thrown == null;
    }

    /** Leaves the output out: a handler may answer what its event held. */
    @Override
    public String toString() {
        return "LambdaRun[" + functionName + ", requestId=" + requestId + ", jobId=" + jobId + ", attempt=" + attempt
                + (thrown == null ? ", answered " + output.length + " bytes" : ", threw " + thrown.getClass().getName())
                + "]";
    }
}
