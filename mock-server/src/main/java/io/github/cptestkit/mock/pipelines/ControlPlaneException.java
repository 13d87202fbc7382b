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

    /** The AWS error's {@code __type}, e.g. {@code InvalidStructureException}. */
    private final String errorType;
    /** The message as the wire answers it, without the error type in front. */
    private final String awsMessage;

    /**
     * A refusal with the AWS error the wire answers; {@link #getMessage()} is {@code errorType: message}.
     *
     * @param errorType the AWS error's {@code __type}, e.g. {@code InvalidStructureException}; not {@code null}
     * @param message   what was refused, the rule and the fix; not {@code null}
     */
    public ControlPlaneException(String errorType, String message) {
        super(errorType + ": " + Objects.requireNonNull(message, "message"));
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.awsMessage = message;
    }

    /**
     * The message the wire would answer (without the error type in front).
     *
     * @return the message as the AWS error's {@code message} carries it
     */
    public String awsMessage() {
        return awsMessage;
    }

    /**
     * The AWS error the refusal answers as over the wire, e.g. {@code PipelineNameInUseException}.
     *
     * @return the error's {@code __type}, without a namespace
     */
    public String errorType() {
        return errorType;
    }
}
