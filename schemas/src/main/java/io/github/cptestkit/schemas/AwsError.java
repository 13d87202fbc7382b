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
    ACTION_TYPE_NOT_FOUND("ActionTypeNotFoundException", 400, true),
    INVALID_CLIENT_TOKEN("InvalidClientTokenException", 400, true),
    INVALID_JOB("InvalidJobException", 400, true),
    INVALID_JOB_STATE("InvalidJobStateException", 400, true),
    INVALID_NONCE("InvalidNonceException", 400, true),
    JOB_NOT_FOUND("JobNotFoundException", 400, true),
    OUTPUT_VARIABLES_SIZE_EXCEEDED("OutputVariablesSizeExceededException", 400, true),
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
    ACTION_NOT_FOUND("ActionNotFoundException", 400, true),
    APPROVAL_ALREADY_COMPLETED("ApprovalAlreadyCompletedException", 400, true),
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 400, true),
    CONCURRENT_PIPELINE_EXECUTIONS_LIMIT_EXCEEDED("ConcurrentPipelineExecutionsLimitExceededException", 400, true),
    CONFLICT("ConflictException", 400, true),
    DUPLICATED_STOP_REQUEST("DuplicatedStopRequestException", 400, true),
    INVALID_ACTION_DECLARATION("InvalidActionDeclarationException", 400, true),
    INVALID_APPROVAL_TOKEN("InvalidApprovalTokenException", 400, true),
    INVALID_ARN("InvalidArnException", 400, true),
    INVALID_BLOCKER_DECLARATION("InvalidBlockerDeclarationException", 400, true),
    INVALID_NEXT_TOKEN("InvalidNextTokenException", 400, true),
    INVALID_STAGE_DECLARATION("InvalidStageDeclarationException", 400, true),
    INVALID_STRUCTURE("InvalidStructureException", 400, true),
    INVALID_TAGS("InvalidTagsException", 400, true),
    LIMIT_EXCEEDED("LimitExceededException", 400, true),
    NOT_LATEST_PIPELINE_EXECUTION("NotLatestPipelineExecutionException", 400, true),
    PIPELINE_EXECUTION_NOT_FOUND("PipelineExecutionNotFoundException", 400, true),
    PIPELINE_EXECUTION_NOT_STOPPABLE("PipelineExecutionNotStoppableException", 400, true),
    PIPELINE_NAME_IN_USE("PipelineNameInUseException", 400, true),
    PIPELINE_NOT_FOUND("PipelineNotFoundException", 400, true),
    PIPELINE_VERSION_NOT_FOUND("PipelineVersionNotFoundException", 400, true),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, true),
    STAGE_NOT_FOUND("StageNotFoundException", 400, true),
    STAGE_NOT_RETRYABLE("StageNotRetryableException", 400, true),
    TOO_MANY_TAGS("TooManyTagsException", 400, true);

    private final String type;
    private final int httpStatus;
    private final boolean modeled;

    AwsError(String type, int httpStatus, boolean modeled) {
        this.type = type;
        this.httpStatus = httpStatus;
        this.modeled = modeled;
    }

    /** The {@code __type} and {@code x-amzn-ErrorType} value, e.g. {@code JobNotFoundException}. */
    public String type() {
        return type;
    }

    /** The HTTP status AWS answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the service model lists this error for an operation (false for the service-wide errors). */
    public boolean modeled() {
        return modeled;
    }

    /**
     * The message AWS sends with this service-wide error where AWS's wording is public, or empty: InternalFailure
     * and ServiceUnavailable as the Common Errors reference of the AWS APIs words them, UnknownOperationException
     * with its text for an invalid action, ThrottlingException as AWS JSON services answer it ("Rate exceeded").
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
     */
    public static String actionTypeNotAvailable(String category, String owner, String provider, String version) {
        return "ActionType (Category: '" + category + "', Owner: '" + owner + "', Provider: '" + provider
                + "', Version: '" + version + "') is not available";
    }

    /**
     * Finds an error by its type, accepting the namespaced form ({@code com.amazonaws.codepipeline#X}) and the
     * {@code :http://...} suffix some services append, as the SDKs do.
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
