package io.github.cptestkit.schemas;

import static io.github.cptestkit.schemas.AwsError.ACTION_TYPE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.INVALID_CLIENT_TOKEN;
import static io.github.cptestkit.schemas.AwsError.INVALID_JOB;
import static io.github.cptestkit.schemas.AwsError.INVALID_JOB_STATE;
import static io.github.cptestkit.schemas.AwsError.INVALID_NONCE;
import static io.github.cptestkit.schemas.AwsError.JOB_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.OUTPUT_VARIABLES_SIZE_EXCEEDED;
import static io.github.cptestkit.schemas.AwsError.VALIDATION;

import java.util.List;
import java.util.Optional;

/**
 * The ten CodePipeline job-worker operations, with their wire target, schemas and modelled errors (in the
 * service model's order; a test keeps this enum and the model in agreement).
 *
 * <pre>{@code
 * Operation op = Operation.fromTarget("CodePipeline_20150709.PollForJobs").orElseThrow();
 * List<Violation> problems = SchemaValidator.shared().validateRequest(op, "{\"actionTypeId\": {}}");
 * }</pre>
 */
public enum Operation {
    POLL_FOR_THIRD_PARTY_JOBS("PollForThirdPartyJobs", Family.THIRD_PARTY, ACTION_TYPE_NOT_FOUND, VALIDATION),
    ACKNOWLEDGE_THIRD_PARTY_JOB("AcknowledgeThirdPartyJob", Family.THIRD_PARTY,
            VALIDATION, INVALID_NONCE, JOB_NOT_FOUND, INVALID_CLIENT_TOKEN),
    GET_THIRD_PARTY_JOB_DETAILS("GetThirdPartyJobDetails", Family.THIRD_PARTY,
            JOB_NOT_FOUND, VALIDATION, INVALID_CLIENT_TOKEN, INVALID_JOB),
    PUT_THIRD_PARTY_JOB_SUCCESS_RESULT("PutThirdPartyJobSuccessResult", Family.THIRD_PARTY,
            VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE, INVALID_CLIENT_TOKEN),
    PUT_THIRD_PARTY_JOB_FAILURE_RESULT("PutThirdPartyJobFailureResult", Family.THIRD_PARTY,
            VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE, INVALID_CLIENT_TOKEN),
    POLL_FOR_JOBS("PollForJobs", Family.CUSTOM, VALIDATION, ACTION_TYPE_NOT_FOUND),
    ACKNOWLEDGE_JOB("AcknowledgeJob", Family.CUSTOM, VALIDATION, INVALID_NONCE, JOB_NOT_FOUND),
    GET_JOB_DETAILS("GetJobDetails", Family.CUSTOM, VALIDATION, JOB_NOT_FOUND),
    PUT_JOB_SUCCESS_RESULT("PutJobSuccessResult", Family.CUSTOM,
            VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE, OUTPUT_VARIABLES_SIZE_EXCEEDED),
    PUT_JOB_FAILURE_RESULT("PutJobFailureResult", Family.CUSTOM, VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE);

    /** The prefix of every {@code X-Amz-Target} header of the service. */
    public static final String TARGET_PREFIX = "CodePipeline_20150709.";

    /** Which kind of job an operation works on. */
    public enum Family {
        /** Partner actions (owner ThirdParty): calls carry a clientToken. */
        THIRD_PARTY,
        /** Custom actions (owner Custom) and Lambda invoke actions: calls carry the job's nonce or nothing. */
        CUSTOM
    }

    private final String operationName;
    private final Family family;
    private final List<AwsError> errors;

    Operation(String operationName, Family family, AwsError... errors) {
        this.operationName = operationName;
        this.family = family;
        this.errors = List.of(errors);
    }

    /** The model's operation name, e.g. {@code GetThirdPartyJobDetails}. */
    public String operationName() {
        return operationName;
    }

    /** The {@code X-Amz-Target} header value, e.g. {@code CodePipeline_20150709.GetThirdPartyJobDetails}. */
    public String target() {
        return TARGET_PREFIX + operationName;
    }

    /** Third-party or custom-action family. */
    public Family family() {
        return family;
    }

    /** The errors the service model lists for this operation, in the model's order. */
    public List<AwsError> errors() {
        return errors;
    }

    /**
     * Every error the operation can answer: the errors its model lists, then the service-wide ones (those not
     * {@link AwsError#modeled()}), in {@link AwsError} order.
     */
    public List<AwsError> possibleErrors() {
        List<AwsError> possible = new java.util.ArrayList<>(errors);
        for (AwsError error : AwsError.values()) {
            if (!error.modeled()) {
                possible.add(error);
            }
        }
        return List.copyOf(possible);
    }

    /** Whether the model gives the operation an output shape ({@code Put*} operations answer {@code {}}). */
    public boolean hasOutput() {
        return !operationName.startsWith("Put");
    }

    /** The schema of the request body. */
    public SchemaDocument inputSchema() {
        return SchemaDocument.input(this);
    }

    /** The schema of the success response body. */
    public SchemaDocument outputSchema() {
        return SchemaDocument.output(this);
    }

    /** The operation a target header names, or empty; the comparison is exact, as AWS's is. */
    public static Optional<Operation> fromTarget(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        return fromName(target.substring(TARGET_PREFIX.length()));
    }

    /** The operation with this model name, or empty. */
    public static Optional<Operation> fromName(String operationName) {
        for (Operation op : values()) {
            if (op.operationName.equals(operationName)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
