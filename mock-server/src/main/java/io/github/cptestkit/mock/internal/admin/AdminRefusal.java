package io.github.cptestkit.mock.internal.admin;

import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A refused admin request, answered in the shape of the AWS side: HTTP status, {@code __type} (also in
 * {@code x-amzn-ErrorType}) and {@code message}. It carries no stack trace: it is an answer, not a bug.
 *
 * <pre>{@code throw AdminRefusal.invalid(violations);   // 400 ValidationException in AWS's words}</pre>
 */
public final class AdminRefusal extends RuntimeException {

    /** The HTTP status of a job or artifact the mock does not have. */
    public static final int NOT_FOUND = 404;

    private final int status;
    private final String type;

    public AdminRefusal(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
    }

    /** 400 ValidationException: {@code N validation error(s) detected: ...}, as the AWS side words it. */
    public static AdminRefusal invalid(List<Violation> violations) {
        return invalid(Violation.validationExceptionMessage(violations));
    }

    /** 400 ValidationException with a message of its own. */
    public static AdminRefusal invalid(String message) {
        return new AdminRefusal(AwsError.VALIDATION.httpStatus(), AwsError.VALIDATION.type(), message);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The {@code __type} to answer with. */
    public String type() {
        return type;
    }
}
