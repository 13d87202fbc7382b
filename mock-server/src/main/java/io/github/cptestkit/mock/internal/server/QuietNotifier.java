package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.util.Objects;

/**
 * WireMock's notifier with every message cut to its first line: WireMock reports a request it received or could not
 * match by printing it whole (headers with signatures and session tokens, bodies with client tokens and
 * credentials), at any verbosity a user chooses. {@code CodePipelineMock} wraps whatever notifier WireMock is given.
 *
 * <pre>{@code options.notifier(new QuietNotifier(options.notifier()));}</pre>
 */
public final class QuietNotifier implements Notifier {

    private final Notifier delegate;

    public QuietNotifier(Notifier delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void info(String message) {
        delegate.info(firstLine(message));
    }

    @Override
    public void error(String message) {
        delegate.error(firstLine(message));
    }

    /** The throwable's class only: its message may quote the request too. */
    @Override
    public void error(String message, Throwable t) {
        delegate.error(firstLine(message) + " (" + t.getClass().getSimpleName() + ")");
    }

    /** The first line of a message that is not blank, trimmed. */
    public static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("(no message)");
    }
}
