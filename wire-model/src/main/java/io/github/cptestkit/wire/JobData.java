package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a job asks of its worker: the same shape for third-party jobs ({@code ThirdPartyJobData}) and custom-action
 * jobs ({@code JobData}). Absent members are {@code null} and left out of the JSON.
 *
 * <pre>{@code
 * JobData data = job.details().data();
 * data.inputArtifacts().get(0).location().s3Location().objectKey();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobData(ActionTypeId actionTypeId, ActionConfiguration actionConfiguration,
        PipelineContext pipelineContext, List<Artifact> inputArtifacts, List<Artifact> outputArtifacts,
        AwsSessionCredentials artifactCredentials, String continuationToken, EncryptionKey encryptionKey) {

    public JobData {
        inputArtifacts = inputArtifacts == null ? null : List.copyOf(inputArtifacts);
        outputArtifacts = outputArtifacts == null ? null : List.copyOf(outputArtifacts);
    }

    /** The same data with {@code continuationToken} set (as AWS sends it to the next job of a continued action). */
    public JobData withContinuationToken(String token) {
        return new JobData(actionTypeId, actionConfiguration, pipelineContext, inputArtifacts, outputArtifacts,
                artifactCredentials, token, encryptionKey);
    }
}
