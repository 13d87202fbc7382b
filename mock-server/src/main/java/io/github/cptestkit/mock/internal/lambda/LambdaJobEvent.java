package io.github.cptestkit.mock.internal.lambda;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobDetails;
import io.github.cptestkit.wire.LambdaInvokeEvent;
import io.github.cptestkit.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event CodePipeline sends the function of a Lambda invoke job: {@code {"CodePipeline.job": {"id",
 * "accountId", "data"}}}, whose data is the job's without {@code actionTypeId} and {@code pipelineContext} (the
 * user guide: "similar to the response to the GetJobDetails API, but without the actionTypeId and pipelineContext
 * data types").
 *
 * <pre>{@code
 * byte[] event = LambdaJobEvent.of(job.id(), job.data(), job.accountId());
 * String function = LambdaJobEvent.functionName(job.data()).orElseThrow();
 * }</pre>
 */
public final class LambdaJobEvent {

    /** The configuration property that names the function. */
    public static final String FUNCTION_NAME = "FunctionName";

    private LambdaJobEvent() {}

    /** The event's JSON bytes for the job {@code jobId} with {@code data}, in {@code accountId}. */
    public static byte[] of(String jobId, JobData data, String accountId) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(data, "data");
        JobData sent = new JobData(null, data.actionConfiguration(), null, data.inputArtifacts(),
                data.outputArtifacts(), data.artifactCredentials(), data.continuationToken(), data.encryptionKey());
        return WireFormat.toJson(new LambdaInvokeEvent(new JobDetails(jobId, sent, accountId)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether jobs of {@code type} are Lambda invoke jobs: category Invoke, owner AWS, provider Lambda. */
    public static boolean isLambdaInvoke(ActionTypeId type) {
        return type != null && type.owner() == ActionOwner.AWS && type.category() == ActionCategory.INVOKE
                && "Lambda".equals(type.provider());
    }

    /**
     * The plain name in a function reference as Lambda takes one: {@code name}, {@code name:qualifier},
     * {@code 123456789012:function:name} or {@code arn:aws:lambda:<region>:<account>:function:name[:qualifier]}.
     */
    public static String plainName(String reference) {
        String[] parts = reference.split(":", -1);
        int function = java.util.Arrays.asList(parts).indexOf("function");
        if (function >= 0 && function + 1 < parts.length) {
            return parts[function + 1];
        }
        return parts[0];
    }

    /** The job's {@code FunctionName}, or empty when its configuration has none. */
    public static Optional<String> functionName(JobData data) {
        if (data == null || data.actionConfiguration() == null) {
            return Optional.empty();
        }
        Map<String, String> configuration = data.actionConfiguration().configuration();
        return configuration == null ? Optional.empty() : Optional.ofNullable(configuration.get(FUNCTION_NAME));
    }
}
