package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.schemas.AwsError;
import java.util.Objects;

/**
 * A domain refusal that the protocol edge answers as an AWS error ({@code __type}, message, HTTP status). It
 * carries no stack trace: it is an answer, not a bug.
 *
 * <pre>{@code throw new AwsException(AwsError.JOB_NOT_FOUND, "Job " + jobId + " not found");}</pre>
 */
public final class AwsException extends RuntimeException {

    private final AwsError error;

    public AwsException(AwsError error, String message) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The AWS error to answer with. */
    public AwsError error() {
        return error;
    }
}
