package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.mock.internal.codepipeline.Reply.ServedJob;
import io.github.cptestkit.schemas.Operation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checked text of the answers that are a pure function of one job's served state (GetThirdPartyJobDetails and
 * GetJobDetails): rendered and checked against the output schema once per state, then reused while the job's state
 * is unchanged, so a worker fetching a job's details again pays for neither. Only answers without violations are
 * kept; a new nonce, or another job under the same id after a reset, is another state. Thread-safe; at most
 * {@value #MAX_JOBS} jobs are kept (beyond that it starts afresh).
 *
 * <pre>{@code
 * String text = answers.get(op, served);          // null the first time
 * answers.put(op, served, checkedText);
 * }</pre>
 */
final class CheckedAnswers {

    static final int MAX_JOBS = 10_000;

    private record Checked(Operation operation, ServedJob served, String text) {}

    private final Map<String, Checked> byJobId = new ConcurrentHashMap<>();

    /** The checked text of {@code operation}'s answer for exactly this state, or {@code null}. */
    String get(Operation operation, ServedJob served) {
        Checked checked = byJobId.get(served.jobId());
        return checked != null && checked.operation == operation && checked.served.equals(served)
                ? checked.text : null;
    }

    /** Keeps the text of an answer that passed its output schema. */
    void put(Operation operation, ServedJob served, String text) {
        if (byJobId.size() >= MAX_JOBS) {
            byJobId.clear();
        }
        byJobId.put(served.jobId(), new Checked(operation, served, text));
    }

    void clear() {
        byJobId.clear();
    }
}
