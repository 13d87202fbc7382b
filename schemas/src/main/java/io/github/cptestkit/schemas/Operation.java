package io.github.cptestkit.schemas;

import static io.github.cptestkit.schemas.AwsError.ACTION_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.ACTION_TYPE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.APPROVAL_ALREADY_COMPLETED;
import static io.github.cptestkit.schemas.AwsError.CONCURRENT_MODIFICATION;
import static io.github.cptestkit.schemas.AwsError.CONCURRENT_PIPELINE_EXECUTIONS_LIMIT_EXCEEDED;
import static io.github.cptestkit.schemas.AwsError.CONFLICT;
import static io.github.cptestkit.schemas.AwsError.DUPLICATED_STOP_REQUEST;
import static io.github.cptestkit.schemas.AwsError.INVALID_ACTION_DECLARATION;
import static io.github.cptestkit.schemas.AwsError.INVALID_APPROVAL_TOKEN;
import static io.github.cptestkit.schemas.AwsError.INVALID_ARN;
import static io.github.cptestkit.schemas.AwsError.INVALID_BLOCKER_DECLARATION;
import static io.github.cptestkit.schemas.AwsError.INVALID_CLIENT_TOKEN;
import static io.github.cptestkit.schemas.AwsError.INVALID_JOB;
import static io.github.cptestkit.schemas.AwsError.INVALID_JOB_STATE;
import static io.github.cptestkit.schemas.AwsError.INVALID_NEXT_TOKEN;
import static io.github.cptestkit.schemas.AwsError.INVALID_NONCE;
import static io.github.cptestkit.schemas.AwsError.INVALID_STAGE_DECLARATION;
import static io.github.cptestkit.schemas.AwsError.INVALID_STRUCTURE;
import static io.github.cptestkit.schemas.AwsError.INVALID_TAGS;
import static io.github.cptestkit.schemas.AwsError.JOB_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.LIMIT_EXCEEDED;
import static io.github.cptestkit.schemas.AwsError.NOT_LATEST_PIPELINE_EXECUTION;
import static io.github.cptestkit.schemas.AwsError.OUTPUT_VARIABLES_SIZE_EXCEEDED;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_EXECUTION_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_EXECUTION_NOT_STOPPABLE;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_NAME_IN_USE;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_VERSION_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.RESOURCE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.STAGE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.STAGE_NOT_RETRYABLE;
import static io.github.cptestkit.schemas.AwsError.TOO_MANY_TAGS;
import static io.github.cptestkit.schemas.AwsError.VALIDATION;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CodePipeline operations of the trimmed service model, with their wire target, schemas and modelled errors:
 * the ten job-worker operations, then the control plane (action types, pipelines, executions, tags). A test keeps
 * this enum and the model in agreement.
 *
 * <pre>{@code
 * Operation op = Operation.fromTarget("CodePipeline_20150709.PollForJobs").orElseThrow();
 * List<Violation> problems = SchemaValidator.shared().validateRequest(op, "{\"actionTypeId\": {}}");
 * op.family().jobs();                    // true: a job-worker operation
 * Operation.jobOperations().size();      // 10
 * }</pre>
 */
public enum Operation {
    /** A partner worker asks for jobs of its action type. */
    POLL_FOR_THIRD_PARTY_JOBS("PollForThirdPartyJobs", Family.THIRD_PARTY, true,
            ACTION_TYPE_NOT_FOUND, VALIDATION),
    /** A partner worker confirms it took a job, with its nonce and client token. */
    ACKNOWLEDGE_THIRD_PARTY_JOB("AcknowledgeThirdPartyJob", Family.THIRD_PARTY, true,
            VALIDATION, INVALID_NONCE, JOB_NOT_FOUND, INVALID_CLIENT_TOKEN),
    /** A partner worker reads a job's details, artifact credentials included. */
    GET_THIRD_PARTY_JOB_DETAILS("GetThirdPartyJobDetails", Family.THIRD_PARTY, true,
            JOB_NOT_FOUND, VALIDATION, INVALID_CLIENT_TOKEN, INVALID_JOB),
    /** A partner worker reports a job succeeded, or asks to be called again. */
    PUT_THIRD_PARTY_JOB_SUCCESS_RESULT("PutThirdPartyJobSuccessResult", Family.THIRD_PARTY, false,
            VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE, INVALID_CLIENT_TOKEN),
    /** A partner worker reports a job failed. */
    PUT_THIRD_PARTY_JOB_FAILURE_RESULT("PutThirdPartyJobFailureResult", Family.THIRD_PARTY, false,
            VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE, INVALID_CLIENT_TOKEN),
    /** A custom-action worker asks for jobs of its action type. */
    POLL_FOR_JOBS("PollForJobs", Family.CUSTOM, true, VALIDATION, ACTION_TYPE_NOT_FOUND),
    /** A custom-action worker confirms it took a job, with its nonce. */
    ACKNOWLEDGE_JOB("AcknowledgeJob", Family.CUSTOM, true, VALIDATION, INVALID_NONCE, JOB_NOT_FOUND),
    /** A worker reads a job's details, artifact credentials included. */
    GET_JOB_DETAILS("GetJobDetails", Family.CUSTOM, true, VALIDATION, JOB_NOT_FOUND),
    /** A worker reports a job succeeded, with output variables, or asks to be called again. */
    PUT_JOB_SUCCESS_RESULT("PutJobSuccessResult", Family.CUSTOM, false,
            VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE, OUTPUT_VARIABLES_SIZE_EXCEEDED),
    /** A worker reports a job failed. */
    PUT_JOB_FAILURE_RESULT("PutJobFailureResult", Family.CUSTOM, false, VALIDATION, JOB_NOT_FOUND, INVALID_JOB_STATE),

    /** Creates a custom action type (owner Custom). */
    CREATE_CUSTOM_ACTION_TYPE("CreateCustomActionType", Family.ACTION_TYPES, true,
            VALIDATION, LIMIT_EXCEEDED, TOO_MANY_TAGS, INVALID_TAGS, CONCURRENT_MODIFICATION),
    /** Marks a custom action type deleted. */
    DELETE_CUSTOM_ACTION_TYPE("DeleteCustomActionType", Family.ACTION_TYPES, false,
            VALIDATION, CONCURRENT_MODIFICATION),
    /** Lists the action types, a page at a time. */
    LIST_ACTION_TYPES("ListActionTypes", Family.ACTION_TYPES, true, VALIDATION, INVALID_NEXT_TOKEN),
    /** Reads an action type's declaration. */
    GET_ACTION_TYPE("GetActionType", Family.ACTION_TYPES, true, ACTION_TYPE_NOT_FOUND, VALIDATION),

    /** Creates a pipeline from its declaration. */
    CREATE_PIPELINE("CreatePipeline", Family.PIPELINES, true,
            VALIDATION, PIPELINE_NAME_IN_USE, INVALID_STAGE_DECLARATION, INVALID_ACTION_DECLARATION,
            INVALID_BLOCKER_DECLARATION, INVALID_STRUCTURE, LIMIT_EXCEEDED, TOO_MANY_TAGS, INVALID_TAGS,
            CONCURRENT_MODIFICATION),
    /** Reads a pipeline's declaration, the latest or a given version. */
    GET_PIPELINE("GetPipeline", Family.PIPELINES, true,
            VALIDATION, PIPELINE_NOT_FOUND, PIPELINE_VERSION_NOT_FOUND),
    /** Replaces a pipeline's declaration, making a new version. */
    UPDATE_PIPELINE("UpdatePipeline", Family.PIPELINES, true,
            VALIDATION, INVALID_STAGE_DECLARATION, INVALID_ACTION_DECLARATION, INVALID_BLOCKER_DECLARATION,
            INVALID_STRUCTURE, LIMIT_EXCEEDED),
    /** Deletes a pipeline. */
    DELETE_PIPELINE("DeletePipeline", Family.PIPELINES, false, VALIDATION, CONCURRENT_MODIFICATION),
    /** Lists the pipelines, a page at a time. */
    LIST_PIPELINES("ListPipelines", Family.PIPELINES, true, VALIDATION, INVALID_NEXT_TOKEN),

    /** Starts a run of a pipeline's latest version. */
    START_PIPELINE_EXECUTION("StartPipelineExecution", Family.EXECUTIONS, true,
            VALIDATION, CONFLICT, PIPELINE_NOT_FOUND, CONCURRENT_PIPELINE_EXECUTIONS_LIMIT_EXCEEDED),
    /** Stops a run, letting its actions finish or abandoning them. */
    STOP_PIPELINE_EXECUTION("StopPipelineExecution", Family.EXECUTIONS, true,
            VALIDATION, CONFLICT, PIPELINE_NOT_FOUND, PIPELINE_EXECUTION_NOT_STOPPABLE, DUPLICATED_STOP_REQUEST),
    /** Reads the state of a pipeline's stages and actions. */
    GET_PIPELINE_STATE("GetPipelineState", Family.EXECUTIONS, true, VALIDATION, PIPELINE_NOT_FOUND),
    /** Reads one run of a pipeline. */
    GET_PIPELINE_EXECUTION("GetPipelineExecution", Family.EXECUTIONS, true,
            VALIDATION, PIPELINE_NOT_FOUND, PIPELINE_EXECUTION_NOT_FOUND),
    /** Lists a pipeline's runs, newest first, a page at a time. */
    LIST_PIPELINE_EXECUTIONS("ListPipelineExecutions", Family.EXECUTIONS, true,
            VALIDATION, PIPELINE_NOT_FOUND, INVALID_NEXT_TOKEN),
    /** Lists the executions of a pipeline's actions, a page at a time. */
    LIST_ACTION_EXECUTIONS("ListActionExecutions", Family.EXECUTIONS, true,
            VALIDATION, PIPELINE_NOT_FOUND, INVALID_NEXT_TOKEN, PIPELINE_EXECUTION_NOT_FOUND),
    /** Runs a stage's failed actions again. */
    RETRY_STAGE_EXECUTION("RetryStageExecution", Family.EXECUTIONS, true,
            VALIDATION, CONFLICT, PIPELINE_NOT_FOUND, STAGE_NOT_FOUND, STAGE_NOT_RETRYABLE,
            NOT_LATEST_PIPELINE_EXECUTION, CONCURRENT_PIPELINE_EXECUTIONS_LIMIT_EXCEEDED),
    /** Approves or rejects a manual approval action. */
    PUT_APPROVAL_RESULT("PutApprovalResult", Family.EXECUTIONS, true,
            INVALID_APPROVAL_TOKEN, APPROVAL_ALREADY_COMPLETED, PIPELINE_NOT_FOUND, STAGE_NOT_FOUND,
            ACTION_NOT_FOUND, VALIDATION),
    /** Stops runs from entering or leaving a stage. */
    DISABLE_STAGE_TRANSITION("DisableStageTransition", Family.EXECUTIONS, false,
            VALIDATION, PIPELINE_NOT_FOUND, STAGE_NOT_FOUND),
    /** Lets runs enter or leave a stage again. */
    ENABLE_STAGE_TRANSITION("EnableStageTransition", Family.EXECUTIONS, false,
            VALIDATION, PIPELINE_NOT_FOUND, STAGE_NOT_FOUND),

    /** Adds or replaces tags of a pipeline or custom action type. */
    TAG_RESOURCE("TagResource", Family.TAGS, true,
            VALIDATION, RESOURCE_NOT_FOUND, INVALID_ARN, TOO_MANY_TAGS, INVALID_TAGS, CONCURRENT_MODIFICATION),
    /** Removes tags of a pipeline or custom action type. */
    UNTAG_RESOURCE("UntagResource", Family.TAGS, true,
            VALIDATION, RESOURCE_NOT_FOUND, INVALID_ARN, INVALID_TAGS, CONCURRENT_MODIFICATION),
    /** Lists a resource's tags, a page at a time. */
    LIST_TAGS_FOR_RESOURCE("ListTagsForResource", Family.TAGS, true,
            VALIDATION, RESOURCE_NOT_FOUND, INVALID_NEXT_TOKEN, INVALID_ARN);

    /** The prefix of every {@code X-Amz-Target} header of the service. */
    public static final String TARGET_PREFIX = "CodePipeline_20150709.";

    private static final List<Operation> JOB_OPERATIONS =
            Arrays.stream(values()).filter(op -> op.family.jobs()).toList();

    /** What an operation works on. */
    public enum Family {
        /** Partner-action jobs (owner ThirdParty): calls carry a clientToken. */
        THIRD_PARTY,
        /** Custom-action (owner Custom) and Lambda invoke jobs: calls carry the job's nonce or nothing. */
        CUSTOM,
        /** Action types: custom types created, deleted, listed and read. */
        ACTION_TYPES,
        /** Pipeline declarations: created, read, updated, deleted and listed. */
        PIPELINES,
        /** Pipeline executions, their stages' transitions and manual approvals. */
        EXECUTIONS,
        /** Tags of pipelines and custom action types. */
        TAGS;

        /**
         * Whether operations of this family are the job-worker operations (they work on one job).
         *
         * @return true for {@link #THIRD_PARTY} and {@link #CUSTOM}, false for the control plane's families
         */
        public boolean jobs() {
            return this == THIRD_PARTY || this == CUSTOM;
        }
    }

    private final String operationName;
    private final Family family;
    private final boolean hasOutput;
    private final List<AwsError> errors;

    Operation(String operationName, Family family, boolean hasOutput, AwsError... errors) {
        this.operationName = operationName;
        this.family = family;
        this.hasOutput = hasOutput;
        this.errors = List.of(errors);
    }

    /**
     * The model's operation name.
     *
     * @return the name, e.g. {@code GetThirdPartyJobDetails}, as the target header and schema file names use it
     */
    public String operationName() {
        return operationName;
    }

    /**
     * The {@code X-Amz-Target} header value a client sends for this operation.
     *
     * @return {@value #TARGET_PREFIX} and the operation name, e.g.
     *         {@code CodePipeline_20150709.GetThirdPartyJobDetails}
     */
    public String target() {
        return TARGET_PREFIX + operationName;
    }

    /**
     * What the operation works on.
     *
     * @return the family: third-party or custom jobs, action types, pipelines, executions, tags
     */
    public Family family() {
        return family;
    }

    /**
     * The errors the service model lists for this operation.
     *
     * @return the modelled errors, in the model's order; an immutable list, never empty
     */
    public List<AwsError> errors() {
        return errors;
    }

    /**
     * Every error the operation can answer: the errors its model lists, then the service-wide ones (those not
     * {@link AwsError#modeled()}), in {@link AwsError} order.
     *
     * @return an immutable list, the modelled errors first
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

    /**
     * Whether the model gives the operation an output shape; those without one ({@code PutJobSuccessResult},
     * {@code DeletePipeline}, ...) answer {@code {}}.
     *
     * @return true if the success response has members of its own
     */
    public boolean hasOutput() {
        return hasOutput;
    }

    /**
     * The schema of the request body.
     *
     * @return the operation's {@code <Name>.input.schema.json} document
     */
    public SchemaDocument inputSchema() {
        return SchemaDocument.input(this);
    }

    /**
     * The schema of the success response body.
     *
     * @return the operation's {@code <Name>.output.schema.json} document (an empty object for those without an
     *         output shape)
     */
    public SchemaDocument outputSchema() {
        return SchemaDocument.output(this);
    }

    /**
     * The ten job-worker operations (families {@link Family#THIRD_PARTY} and {@link Family#CUSTOM}).
     *
     * @return an immutable list, in declaration order
     */
    public static List<Operation> jobOperations() {
        return JOB_OPERATIONS;
    }

    /**
     * The operation a target header names; the comparison is exact, as AWS's is.
     *
     * @param target an {@code X-Amz-Target} header value, e.g. {@code CodePipeline_20150709.PollForJobs}; may be
     *               null
     * @return the operation, or empty if the target is null, lacks the {@value #TARGET_PREFIX} prefix or names no
     *         operation of the model
     */
    public static Optional<Operation> fromTarget(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        return fromName(target.substring(TARGET_PREFIX.length()));
    }

    /**
     * The operation with this model name.
     *
     * @param operationName a model operation name, e.g. {@code PollForJobs}, compared exactly
     * @return the operation, or empty if no operation has that name
     */
    public static Optional<Operation> fromName(String operationName) {
        for (Operation op : values()) {
            if (op.operationName.equals(operationName)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
