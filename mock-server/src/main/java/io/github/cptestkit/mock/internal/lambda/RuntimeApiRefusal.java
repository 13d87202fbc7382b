package io.github.cptestkit.mock.internal.lambda;

import java.util.Objects;

/**
 * A Runtime API request the mock refuses, as Lambda's Runtime API does: an HTTP status and Lambda's error response
 * {@code {"errorType", "errorMessage"}}.
 *
 * <pre>{@code
 * try {
 *     functions.respond("Deploy", requestId, body);
 * } catch (RuntimeApiRefusal refused) {
 *     answer(refused.status(), refused.errorType(), refused.getMessage());
 * }
 * }</pre>
 */
public final class RuntimeApiRefusal extends RuntimeException {

    /** Lambda's type for an answer to an invocation that is not waiting for one. */
    public static final String INVALID_REQUEST_ID = "InvalidRequestID";
    /** Lambda's type for a response over its payload limit. */
    public static final String REQUEST_ENTITY_TOO_LARGE = "RequestEntityTooLarge";
    /** Lambda's type for a function it does not know. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";

    private final int status;
    private final String errorType;

    public RuntimeApiRefusal(int status, String errorType, String errorMessage) {
        super(Objects.requireNonNull(errorMessage, "errorMessage"), null, false, false);
        this.status = status;
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** The HTTP status: 400, 404 or 413. */
    public int status() {
        return status;
    }

    /** Lambda's {@code errorType}. */
    public String errorType() {
        return errorType;
    }
}
