package io.github.cptestkit.junit.internal;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a failing test's message gains: the seed that replays it, the jobs of the mock with their state and calls,
 * and every call the worker made, credentials redacted. Assertion errors keep their type (and expected/actual
 * values) with the report appended to their message; other exceptions are rethrown as they are, with the report
 * attached as a suppressed {@link MockReport}.
 *
 * <pre>{@code throw FailureReport.attach(error, FailureReport.of(mock, seed));}</pre>
 */
public final class FailureReport {

    /** The report attached to an exception that is not an assertion error. */
    public static final class MockReport extends RuntimeException {
        MockReport(String report) {
            super(report, null, false, false);
        }
    }

    private static final String NL = System.lineSeparator();

    private FailureReport() {}

    /** The report for a test of {@code seed} on {@code mock}. */
    public static String of(CodePipelineMock mock, long seed) {
        StringBuilder report = new StringBuilder("CodePipeline mock: seed ").append(seed).append(" (replay: @Seed(")
                .append(seed).append("L) on the test method)");
        List<JobSnapshot> jobs = mock.jobs();
        report.append(NL).append("jobs").append(jobs.isEmpty() ? ": none" : ":");
        for (JobSnapshot job : jobs) {
            report.append(NL).append("  ").append(JobDescription.of(job, "    "));
        }
        List<String> calls = CallJournal.lines(mock);
        report.append(NL).append("calls the worker made").append(calls.isEmpty() ? ": none" : " (oldest first):");
        calls.forEach(line -> report.append(NL).append("  ").append(line));
        return report.toString();
    }

    /** {@code failure} with {@code report} added, as described above. */
    public static Throwable attach(Throwable failure, String report) {
        if (failure instanceof TestAbortedException) {
            return failure;
        }
        String message = (failure.getMessage() == null ? "" : failure.getMessage() + NL + NL) + report;
        Throwable replacement = null;
        if (failure.getClass() == AssertionFailedError.class) {
            AssertionFailedError original = (AssertionFailedError) failure;
            replacement = original.isExpectedDefined() && original.isActualDefined()
                    ? new AssertionFailedError(message, original.getExpected().getValue(),
                            original.getActual().getValue(), original.getCause())
                    : new AssertionFailedError(message, original.getCause());
        } else if (failure.getClass() == AssertionError.class) {
            replacement = new AssertionError(message, failure.getCause());
        }
        if (replacement == null) {
            failure.addSuppressed(new MockReport(report));
            return failure;
        }
        replacement.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            replacement.addSuppressed(suppressed);
        }
        return replacement;
    }
}
