package io.github.cptestkit.junit.internal.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@link LambdaLogger} of a fake context: every line is kept (for assertions) and echoed to a stream, with each
 * secret it knows (the job's artifact credentials, the execution role's secret) replaced by
 * {@value #REDACTED}, so that a handler that logs its event, as AWS warns against, leaks nothing into test output.
 *
 * <pre>{@code
 * RedactingLambdaLogger logger = new RedactingLambdaLogger(List.of(secretKey, sessionToken), System.out);
 * logger.log("event: " + eventJson);        // printed and kept with both values redacted
 * }</pre>
 */
public final class RedactingLambdaLogger implements LambdaLogger {

    /** What replaces a secret. */
    public static final String REDACTED = "*** Sensitive Data Redacted ***";

    private final List<String> secrets;
    private final PrintStream echo;
    private final List<String> lines = new ArrayList<>();

    /**
     * @param secrets values never to show (blank ones are ignored; longer ones are replaced first, so that a
     *                secret containing another is hidden whole)
     * @param echo    where lines are also printed, or {@code null} for nowhere
     */
    public RedactingLambdaLogger(List<String> secrets, PrintStream echo) {
        this.secrets = Objects.requireNonNull(secrets, "secrets").stream()
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        this.echo = echo;
    }

    /** {@code text} with every secret replaced. */
    public String redact(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, REDACTED);
        }
        return redacted;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(String message, LogLevel level) {
        String line = redact(String.valueOf(message));
        String shown = level == null || level == LogLevel.UNDEFINED ? line : "[" + level + "] " + line;
        synchronized (lines) {
            lines.add(shown);
        }
        if (echo != null) {
            echo.println(shown);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    /** The lines logged so far, redacted, oldest first. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
