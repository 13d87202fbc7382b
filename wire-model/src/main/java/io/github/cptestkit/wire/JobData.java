package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The same data with other artifact credentials (as AWS hands out when a job's details are fetched again). */
    public JobData withArtifactCredentials(AwsSessionCredentials credentials) {
        return new JobData(actionTypeId, actionConfiguration, pipelineContext, inputArtifacts, outputArtifacts,
                credentials, continuationToken, encryptionKey);
    }

    /** The same data with {@code properties} added to its action configuration (replacing those of their keys). */
    public JobData withConfiguration(Map<String, String> properties) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (actionConfiguration != null && actionConfiguration.configuration() != null) {
            merged.putAll(actionConfiguration.configuration());
        }
        merged.putAll(properties);
        return new JobData(actionTypeId, new ActionConfiguration(merged), pipelineContext, inputArtifacts,
                outputArtifacts, artifactCredentials, continuationToken, encryptionKey);
    }
}
