package io.github.cptestkit.mock.lambda;

import java.util.Objects;

/**
 * An error a function or its runtime reported, or one Lambda itself assigns (a timeout, an oversized response):
 * the {@code errorType} and {@code errorMessage} of Lambda's standard error format.
 *
 * <pre>{@code
 * FunctionError thrown = new FunctionError("java.lang.IllegalStateException", "no artifact named BuildOutput");
 * }</pre>
 *
 * @param errorType    what kind of error ({@code Sandbox.Timeout}, {@code Runtime.ExitError}, an exception class)
 * @param errorMessage what went wrong; may be empty, never null
 */
public record FunctionError(String errorType, String errorMessage) {

    /** The type Lambda gives a function error that names none. */
    public static final String UNHANDLED = "Unhandled";

    /**
     * A {@code null} or blank type is {@link #UNHANDLED}, a {@code null} message is empty.
     *
     * @param errorType    what kind of error ({@code Sandbox.Timeout}, {@code Runtime.ExitError}, an exception class)
     * @param errorMessage what went wrong; may be empty, never null
     */
    public FunctionError {
        errorType = errorType == null || errorType.isBlank() ? UNHANDLED : errorType;
        errorMessage = Objects.requireNonNullElse(errorMessage, "");
    }

    /**
     * The error in one line, as a job's failure message carries it.
     *
     * @return {@code type: message}, or the type alone when there is no message
     */
    public String describe() {
        return errorMessage.isEmpty() ? errorType : errorType + ": " + errorMessage;
    }
}
