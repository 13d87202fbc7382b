package io.github.cptestkit.standalone;

import com.github.tomakehurst.wiremock.common.Notifier;
import io.github.cptestkit.mock.internal.server.QuietNotifier;
import java.io.PrintStream;
import java.util.Objects;

/**
 * WireMock's messages for the standalone mock, one short line each on stderr: the first line of an error only.
 * WireMock's own reports of unmatched requests print the whole request (query strings of presigned URLs, headers)
 * and would leak credentials; {@code --verbose} logs requests safely instead (see {@link RequestLog}).
 *
 * <pre>{@code options.notifier(new ConsoleNotifier(System.err));}</pre>
 */
final class ConsoleNotifier implements Notifier {

    private final PrintStream err;

    ConsoleNotifier(PrintStream err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public void info(String message) {
        // WireMock's informational messages repeat what the banner and --verbose already say.
    }

    @Override
    public void error(String message) {
        err.println("codepipeline-mock: WireMock: " + QuietNotifier.firstLine(message));
    }

    @Override
    public void error(String message, Throwable t) {
        err.println("codepipeline-mock: WireMock: " + QuietNotifier.firstLine(message) + " (" + t.getClass().getSimpleName() + ")");
    }

}
