package io.github.cptestkit.schemas;

/**
 * The errors a CodePipeline client can receive: those the trimmed service model lists for its operations (job
 * workers first, then the control plane's), and the service-wide ones every AWS JSON client handles.
 *
 * <pre>{@code
 * AwsError error = AwsError.fromType("com.amazonaws.codepipeline#JobNotFoundException").orElseThrow();
 * assert error == AwsError.JOB_NOT_FOUND && error.httpStatus() == 400;
 * }</pre>
 */
public enum AwsError {
    /** No action type has the category, owner, provider and version the request names. */
    ACTION_TYPE_NOT_FOUND("ActionTypeNotFoundException", 400, true),
    /** The client token is not the one registered for the partner job's client. */
    INVALID_CLIENT_TOKEN("InvalidClientTokenException", 400, true),
    /** The partner job cannot be used by this call, e.g. its details asked before a worker polled it. */
    INVALID_JOB("InvalidJobException", 400, true),
    /** The job is not in a state the call accepts, e.g. a result for a job that already has one. */
    INVALID_JOB_STATE("InvalidJobStateException", 400, true),
    /** The nonce is not the job's current one. */
    INVALID_NONCE("InvalidNonceException", 400, true),
    /** No job has the id the request names. */
    JOB_NOT_FOUND("JobNotFoundException", 400, true),
    /** The output variables exceed the action's total size limit. */
    OUTPUT_VARIABLES_SIZE_EXCEEDED("OutputVariablesSizeExceededException", 400, true),
    /** A member breaks the model's constraints (length, pattern, range, enum), or a rule of the service. */
    VALIDATION("ValidationException", 400, true),
    /** Service-wide: the caller exceeded its request rate; SDKs retry it. */
    THROTTLING("ThrottlingException", 400, false),
    /** Service-wide: an internal error; SDKs retry it. */
    INTERNAL_FAILURE("InternalFailure", 500, false),
    /** Service-wide: the service is unavailable; SDKs retry it. */
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, false),
    /** Service-wide: the X-Amz-Target names no operation. */
    UNKNOWN_OPERATION("UnknownOperationException", 400, false),
    /** Service-wide: the body is not valid JSON or a member has the wrong JSON type. */
    SERIALIZATION("SerializationException", 400, false),
    /** Service-wide: the caller is not authorised. */
    ACCESS_DENIED("AccessDeniedException", 400, false),
    // The control plane's modelled errors, after the job operations' and the service-wide ones so that the
    // ordinals above stay as they were (seeded fixtures derive values from them).
    /** The stage has no action of the name the request gives. */
    ACTION_NOT_FOUND("ActionNotFoundException", 400, true),
    /** The manual approval already has a result (approved or rejected). */
    APPROVAL_ALREADY_COMPLETED("ApprovalAlreadyCompletedException", 400, true),
    /** Another request changed the same resource at the same time; try again. */
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 400, true),
    /** The pipeline already runs as many executions at once as its limit allows. */
    CONCURRENT_PIPELINE_EXECUTIONS_LIMIT_EXCEEDED("ConcurrentPipelineExecutionsLimitExceededException", 400, true),
    /** The pipeline is busy with an ongoing change; try again later. */
    CONFLICT("ConflictException", 400, true),
    /** The execution is already stopping; a second stop request is refused. */
    DUPLICATED_STOP_REQUEST("DuplicatedStopRequestException", 400, true),
    /** An action of the pipeline declaration breaks the action structure's rules. */
    INVALID_ACTION_DECLARATION("InvalidActionDeclarationException", 400, true),
    /** The approval token is not the current one: the approval has a result or has expired. */
    INVALID_APPROVAL_TOKEN("InvalidApprovalTokenException", 400, true),
    /** The resource ARN is not a valid ARN. */
    INVALID_ARN("InvalidArnException", 400, true),
    /** A blocker of a stage declaration is invalid (AWS reserves blockers for future use). */
    INVALID_BLOCKER_DECLARATION("InvalidBlockerDeclarationException", 400, true),
    /** The next token is not one a previous call of the same list returned. */
    INVALID_NEXT_TOKEN("InvalidNextTokenException", 400, true),
    /** A stage of the pipeline declaration breaks the pipeline structure's rules. */
    INVALID_STAGE_DECLARATION("InvalidStageDeclarationException", 400, true),
    /** The pipeline declaration breaks the pipeline structure's rules as a whole. */
    INVALID_STRUCTURE("InvalidStructureException", 400, true),
    /** A tag key or value is invalid, e.g. a key with the reserved {@code aws:} prefix. */
    INVALID_TAGS("InvalidTagsException", 400, true),
    /** An account or pipeline quota is exceeded, e.g. the number of pipelines or custom action types. */
    LIMIT_EXCEEDED("LimitExceededException", 400, true),
    /** The execution named is not the latest one of the stage, so the stage cannot be retried for it. */
    NOT_LATEST_PIPELINE_EXECUTION("NotLatestPipelineExecutionException", 400, true),
    /** The pipeline has no execution with the id the request names. */
    PIPELINE_EXECUTION_NOT_FOUND("PipelineExecutionNotFoundException", 400, true),
    /** The execution is not in progress, so it cannot be stopped. */
    PIPELINE_EXECUTION_NOT_STOPPABLE("PipelineExecutionNotStoppableException", 400, true),
    /** A pipeline of the name already exists in the account and region. */
    PIPELINE_NAME_IN_USE("PipelineNameInUseException", 400, true),
    /** No pipeline has the name the request gives. */
    PIPELINE_NOT_FOUND("PipelineNotFoundException", 400, true),
    /** The pipeline has no version of the number the request gives. */
    PIPELINE_VERSION_NOT_FOUND("PipelineVersionNotFoundException", 400, true),
    /** No taggable resource has the ARN the request names. */
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, true),
    /** The pipeline has no stage of the name the request gives. */
    STAGE_NOT_FOUND("StageNotFoundException", 400, true),
    /** The stage has no failed action to retry, or its state changed. */
    STAGE_NOT_RETRYABLE("StageNotRetryableException", 400, true),
    /** The resource would carry more tags than the quota allows. */
    TOO_MANY_TAGS("TooManyTagsException", 400, true);

    private final String type;
    private final int httpStatus;
    private final boolean modeled;

    AwsError(String type, int httpStatus, boolean modeled) {
        this.type = type;
        this.httpStatus = httpStatus;
        this.modeled = modeled;
    }

    /**
     * The error's type as the wire carries it.
     *
     * @return the {@code __type} and {@code x-amzn-ErrorType} value without a namespace, e.g.
     *         {@code JobNotFoundException}
     */
    public String type() {
        return type;
    }

    /**
     * The HTTP status AWS answers with.
     *
     * @return 400 for every modelled error and most service-wide ones, 500 for {@link #INTERNAL_FAILURE}, 503 for
     *         {@link #SERVICE_UNAVAILABLE}
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether the service model lists this error for an operation.
     *
     * @return true for an error some operation's model lists, false for the service-wide errors
     */
    public boolean modeled() {
        return modeled;
    }

    /**
     * The message AWS sends with this service-wide error where AWS's wording is public, or empty: InternalFailure
     * and ServiceUnavailable as the Common Errors reference of the AWS APIs words them, UnknownOperationException
     * with its text for an invalid action, ThrottlingException as AWS JSON services answer it ("Rate exceeded").
     *
     * @return AWS's message, or empty for the modelled errors (their messages name the request's values)
     */
    public java.util.Optional<String> awsMessage() {
        return java.util.Optional.ofNullable(switch (this) {
            case THROTTLING -> "Rate exceeded";
            case INTERNAL_FAILURE -> "The request processing has failed because of an unknown error, exception or"
                    + " failure.";
            case SERVICE_UNAVAILABLE -> "The request has failed due to a temporary failure of the server.";
            case UNKNOWN_OPERATION -> "The action or operation requested is invalid. Verify that the action is typed"
                    + " correctly.";
            default -> null;
        });
    }

    /**
     * AWS's ActionTypeNotFoundException message for an action type, as CodePipeline words it:
     * {@code ActionType (Category: 'Build', Owner: 'Custom', Provider: 'MyCi', Version: '1') is not available}.
     * The values are quoted as given; none is checked.
     *
     * @param category the action type's category, e.g. {@code Build}
     * @param owner    the action type's owner: {@code AWS}, {@code ThirdParty} or {@code Custom}
     * @param provider the action type's provider, e.g. {@code MyCi}
     * @param version  the action type's version, e.g. {@code 1}
     * @return the message, for an {@link #ACTION_TYPE_NOT_FOUND} error body
     */
    public static String actionTypeNotAvailable(String category, String owner, String provider, String version) {
        return "ActionType (Category: '" + category + "', Owner: '" + owner + "', Provider: '" + provider
                + "', Version: '" + version + "') is not available";
    }

    /**
     * Finds an error by its type, accepting the namespaced form ({@code com.amazonaws.codepipeline#X}) and the
     * {@code :http://...} suffix some services append, as the SDKs do.
     *
     * @param type a {@code __type} or {@code x-amzn-ErrorType} value, bare or namespaced; null gives empty
     * @return the error of that type, or empty if the type is null or names no error of this enum
     */
    public static java.util.Optional<AwsError> fromType(String type) {
        if (type == null) {
            return java.util.Optional.empty();
        }
        String name = type.substring(type.indexOf('#') + 1);
        int colon = name.indexOf(':');
        String bare = colon < 0 ? name : name.substring(0, colon);
        for (AwsError error : values()) {
            if (error.type.equals(bare)) {
                return java.util.Optional.of(error);
            }
        }
        return java.util.Optional.empty();
    }
}
