package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.schemas.AwsError;
import java.util.Objects;

/**
 * A control-plane request refused: the AWS error it answers as and a message naming the subject (pipeline, stage,
 * action or action type), the requirement, the value found and the fix. The protocol edge turns it into the
 * error body; nothing else of it reaches the client.
 *
 * <pre>{@code
 * try {
 *     controlPlane.createPipeline(declaration, Map.of());
 * } catch (ControlPlaneRefusal refusal) {
 *     refusal.error();     // AwsError.INVALID_STRUCTURE
 *     refusal.getMessage();
 * }
 * }</pre>
 */
public final class ControlPlaneRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AwsError error;

    public ControlPlaneRefusal(AwsError error, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The AWS error the refusal answers as. */
    public AwsError error() {
        return error;
    }
}
