package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.cptestkit.mock.internal.codepipeline.Reply.ServedJob;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.AwsSessionCredentials;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The checked text of the answers that are a pure function of one job's served state (GetThirdPartyJobDetails and
 * GetJobDetails): rendered and checked against the output schema once per state, then reused while the job's state
 * is unchanged, so a worker fetching a job's details again pays for neither. Each answer hands out its own artifact
 * credentials (a renewed set after the first): the kept text is cut around the three credential strings it was
 * rendered with, and each answer is the text with its own set's strings, JSON-escaped, in their places. Only answers
 * without violations are kept, and answers with credentials only when each credential string occurs once in the
 * text (else they are rendered each time); a new nonce, or another job under the same id after a reset, is another
 * state. Thread-safe; at most {@value #MAX_JOBS} jobs are kept (beyond that it starts afresh).
 *
 * <pre>{@code
 * String text = answers.get(op, served, credentials);          // null the first time
 * answers.put(op, served, credentials, checkedText);
 * }</pre>
 */
final class CheckedAnswers {

    static final int MAX_JOBS = 10_000;

    /** The three strings of a set, in the order {@link Checked#parts} has them. */
    private enum Part {
        ACCESS_KEY_ID(AwsSessionCredentials::accessKeyId),
        SECRET_ACCESS_KEY(AwsSessionCredentials::secretAccessKey),
        SESSION_TOKEN(AwsSessionCredentials::sessionToken);

        final Function<AwsSessionCredentials, String> of;

        Part(Function<AwsSessionCredentials, String> of) {
            this.of = of;
        }
    }

    /**
     * A kept text: without credentials, {@code pieces} is the whole text; with them, the four pieces around the
     * three credential strings, which stand in the text in the order of {@code parts}.
     */
    private record Checked(Operation operation, ServedJob served, String[] pieces, Part[] parts) {}

    private final Map<String, Checked> byJobId = new ConcurrentHashMap<>();

    /** The checked text of {@code operation}'s answer for this state carrying {@code credentials}, or {@code null}. */
    String get(Operation operation, ServedJob served, AwsSessionCredentials credentials) {
        Checked checked = byJobId.get(served.jobId());
        if (checked == null || checked.operation != operation || !checked.served.equals(served)
                || (checked.parts.length == 0) != (credentials == null)) {
            return null;
        }
        if (credentials == null) {
            return checked.pieces[0];
        }
        StringBuilder text = new StringBuilder(checked.pieces[0].length() + checked.pieces[1].length()
                + checked.pieces[2].length() + checked.pieces[3].length() + 600);
        text.append(checked.pieces[0]);
        for (int i = 0; i < checked.parts.length; i++) {
            text.append(JsonStringEncoder.getInstance().quoteAsString(checked.parts[i].of.apply(credentials)))
                    .append(checked.pieces[i + 1]);
        }
        return text.toString();
    }

    /** Keeps the text of an answer that passed its output schema, rendered with {@code credentials}. */
    void put(Operation operation, ServedJob served, AwsSessionCredentials credentials, String text) {
        Checked checked = credentials == null ? new Checked(operation, served, new String[] {text}, new Part[0])
                : cut(operation, served, credentials, text);
        if (checked == null) {
            return; // its credentials could not be told apart in the text: rendered each time
        }
        if (byJobId.size() >= MAX_JOBS) {
            byJobId.clear();
        }
        byJobId.put(served.jobId(), checked);
    }

    void clear() {
        byJobId.clear();
    }

    /** The text cut around each credential string (quoted and escaped as JSON writes it), or null. */
    private static Checked cut(Operation operation, ServedJob served, AwsSessionCredentials credentials, String text) {
        Part[] parts = Part.values();
        int[] at = new int[parts.length];
        int[] length = new int[parts.length];
        for (Part part : parts) {
            String quoted = '"' + new String(JsonStringEncoder.getInstance().quoteAsString(part.of.apply(credentials)))
                    + '"';
            int first = text.indexOf(quoted);
            if (first < 0 || text.indexOf(quoted, first + 1) >= 0) {
                return null;
            }
            at[part.ordinal()] = first + 1; // inside the quotes
            length[part.ordinal()] = quoted.length() - 2;
        }
        Part[] order = parts.clone();
        Arrays.sort(order, Comparator.comparingInt(part -> at[part.ordinal()]));
        String[] pieces = new String[order.length + 1];
        int from = 0;
        for (int i = 0; i < order.length; i++) {
            int start = at[order[i].ordinal()];
            if (start < from) {
                return null; // overlapping strings
            }
            pieces[i] = text.substring(from, start);
            from = start + length[order[i].ordinal()];
        }
        pieces[order.length] = text.substring(from);
        return new Checked(operation, served, pieces, order);
    }
}
