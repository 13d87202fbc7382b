package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.mock.internal.codepipeline.Reply.ServedJob;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.AwsSessionCredentials;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checked text of the answers that are a pure function of one job's served state (GetThirdPartyJobDetails and
 * GetJobDetails): rendered and checked against the output schema once per state, then reused while the job's state
 * is unchanged, so a worker fetching a job's details again pays for neither. Each answer hands out its own artifact
 * credentials (a renewed set after the first): the kept text carries the set it was rendered with, and a later
 * answer gets the text with its own set's three values put in their place. Only answers without violations are
 * kept, and only when each credential value is a plain token (letters, digits, {@code + / = _ -}: no JSON escape)
 * that occurs once in the text; a new nonce, or another job under the same id after a reset, is another state.
 * Thread-safe; at most {@value #MAX_JOBS} jobs are kept (beyond that it starts afresh).
 *
 * <pre>{@code
 * String text = answers.get(op, served, credentials);          // null the first time
 * answers.put(op, served, credentials, checkedText);
 * }</pre>
 */
final class CheckedAnswers {

    static final int MAX_JOBS = 10_000;

    /** A kept text and the credentials it carries ({@code null}: none). */
    private record Checked(Operation operation, ServedJob served, String text, AwsSessionCredentials credentials) {}

    private final Map<String, Checked> byJobId = new ConcurrentHashMap<>();

    /** The checked text of {@code operation}'s answer for exactly this state with these credentials, or {@code null}. */
    String get(Operation operation, ServedJob served, AwsSessionCredentials credentials) {
        Checked checked = byJobId.get(served.jobId());
        if (checked == null || checked.operation != operation || !checked.served.equals(served)) {
            return null;
        }
        if (checked.credentials == credentials) {
            return checked.text;
        }
        if (checked.credentials == null || credentials == null || !plain(credentials)) {
            return null;
        }
        return checked.text
                .replace(quoted(checked.credentials.accessKeyId()), quoted(credentials.accessKeyId()))
                .replace(quoted(checked.credentials.secretAccessKey()), quoted(credentials.secretAccessKey()))
                .replace(quoted(checked.credentials.sessionToken()), quoted(credentials.sessionToken()));
    }

    /** Keeps the text of an answer that passed its output schema, rendered with {@code credentials}. */
    void put(Operation operation, ServedJob served, AwsSessionCredentials credentials, String text) {
        if (credentials != null && !(plain(credentials) && once(text, credentials))) {
            return; // its credentials could not be told apart in the text: rendered each time
        }
        if (byJobId.size() >= MAX_JOBS) {
            byJobId.clear();
        }
        byJobId.put(served.jobId(), new Checked(operation, served, text, credentials));
    }

    void clear() {
        byJobId.clear();
    }

    private static boolean plain(AwsSessionCredentials credentials) {
        return plain(credentials.accessKeyId()) && plain(credentials.secretAccessKey())
                && plain(credentials.sessionToken());
    }

    /** A non-empty token Jackson writes as it is, which cannot end or start inside another JSON string. */
    private static boolean plain(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean once(String text, AwsSessionCredentials credentials) {
        return once(text, quoted(credentials.accessKeyId())) && once(text, quoted(credentials.secretAccessKey()))
                && once(text, quoted(credentials.sessionToken()));
    }

    private static boolean once(String text, String part) {
        int first = text.indexOf(part);
        return first >= 0 && text.indexOf(part, first + 1) < 0;
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }
}
