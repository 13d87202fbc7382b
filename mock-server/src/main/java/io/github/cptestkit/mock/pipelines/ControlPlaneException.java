package io.github.cptestkit.mock.pipelines;

import java.util.Objects;

/**
 * A pipeline or action type the mock refused from its Java API (or a declaration file), with the AWS error the same
 * request over the wire is answered with: {@link #errorType()} is its {@code __type} (e.g.
 * {@code InvalidStructureException}), the message names the pipeline, stage and action, the rule and the fix.
 *
 * <pre>{@code
 * try {
 *     mock.createPipeline(declaration);
 * } catch (ControlPlaneException refused) {
 *     refused.errorType();   // "InvalidActionDeclarationException"
 * }
 * }</pre>
 */
public final class ControlPlaneException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String awsMessage;

    public ControlPlaneException(String errorType, String message) {
        super(errorType + ": " + Objects.requireNonNull(message, "message"));
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.awsMessage = message;
    }

    /** The message the wire would answer (without the error type in front). */
    public String awsMessage() {
        return awsMessage;
    }

    /** The AWS error the refusal answers as over the wire, e.g. {@code PipelineNameInUseException}. */
    public String errorType() {
        return errorType;
    }
}
