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
 *
 * @param actionTypeId        the action type the job belongs to; {@code null} in a Lambda invoke event
 * @param actionConfiguration the action's configuration properties, secret ones included
 * @param pipelineContext     where in the pipeline the job comes from; {@code null} in a Lambda invoke event
 * @param inputArtifacts      the artifacts the worker reads (0 to 5), unmodifiable
 * @param outputArtifacts     the artifacts the worker writes (0 to 5), unmodifiable
 * @param artifactCredentials temporary credentials for the artifact bucket; sensitive
 * @param continuationToken   the token of the earlier job this one continues (1 to 2048 characters), or
 *                            {@code null} for a first job
 * @param encryptionKey       the KMS key of the artifacts, or {@code null} when they are not KMS-encrypted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobData(ActionTypeId actionTypeId, ActionConfiguration actionConfiguration,
        PipelineContext pipelineContext, List<Artifact> inputArtifacts, List<Artifact> outputArtifacts,
        AwsSessionCredentials artifactCredentials, String continuationToken, EncryptionKey encryptionKey) {

    /**
     * Copies the artifact lists, so the record is immutable; every member may be null.
     *
     * @param actionTypeId        the action type, or null
     * @param actionConfiguration the configuration, or null
     * @param pipelineContext     the pipeline context, or null
     * @param inputArtifacts      the input artifacts, copied, or null
     * @param outputArtifacts     the output artifacts, copied, or null
     * @param artifactCredentials the artifact credentials, or null
     * @param continuationToken   the continuation token, or null
     * @param encryptionKey       the encryption key, or null
     * @throws NullPointerException if an artifact list holds a null
     */
    public JobData {
        inputArtifacts = inputArtifacts == null ? null : List.copyOf(inputArtifacts);
        outputArtifacts = outputArtifacts == null ? null : List.copyOf(outputArtifacts);
    }

    /**
     * The same data with {@code continuationToken} set (as AWS sends it to the next job of a continued action).
     *
     * @param token the token a worker put with its success result, or {@code null} to remove it
     * @return a copy; this data is unchanged
     */
    public JobData withContinuationToken(String token) {
        return new JobData(actionTypeId, actionConfiguration, pipelineContext, inputArtifacts, outputArtifacts,
                artifactCredentials, token, encryptionKey);
    }

    /**
     * The same data with other artifact credentials (as AWS hands out when a job's details are fetched again).
     *
     * @param credentials the new credentials, or {@code null} to remove them
     * @return a copy; this data is unchanged
     */
    public JobData withArtifactCredentials(AwsSessionCredentials credentials) {
        return new JobData(actionTypeId, actionConfiguration, pipelineContext, inputArtifacts, outputArtifacts,
                credentials, continuationToken, encryptionKey);
    }

    /**
     * The same data with {@code properties} added to its action configuration (replacing those of their keys).
     *
     * @param properties the properties to add, in order; not null; their lengths are not checked
     * @return a copy whose configuration has the old properties, then the new keys; this data is unchanged
     */
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
