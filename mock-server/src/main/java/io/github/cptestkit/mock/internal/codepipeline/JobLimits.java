package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import java.util.List;
import java.util.Map;

/**
 * What a job of an action type can hold in CodePipeline, checked when it is queued: a job beyond these limits could
 * never reach a worker from a real pipeline, so the mock refuses it (an {@link IllegalArgumentException} naming the
 * job, the limit and its source) rather than serve it.
 *
 * <ul>
 *   <li>Custom actions and Lambda invoke actions take 0 to 5 input and 0 to 5 output artifacts (the user guide's
 *       pipeline structure reference; CreateCustomActionType's {@code ArtifactDetails.maximumCount} is at most 5);
 *       partner actions 0 to 10 (the action type API's {@code ActionTypeArtifactDetails}).</li>
 *   <li>At most 10 configuration properties (both action type APIs list at most 10). With keys of at most 50 and
 *       values of at most 1000 characters, a configuration stays below the quotas' 100 KB for a resolved action
 *       configuration, which needs no check of its own.</li>
 *   <li>A type's queryable property is required and its value at most 20 letters, digits, {@code _} and {@code -}
 *       ({@link ActionTypeSettings#checkQueryableValue}).</li>
 * </ul>
 *
 * <pre>{@code JobLimits.check(jobId, data); JobLimits.checkQueryable(jobId, data, typeSettings);}</pre>
 */
final class JobLimits {

    static final int CUSTOM_ARTIFACTS = 5;
    static final int THIRD_PARTY_ARTIFACTS = 10;
    static final int CONFIGURATION_PROPERTIES = 10;

    private JobLimits() {}

    /** Checks the counts of artifacts and configuration properties of a job of {@code data.actionTypeId()}. */
    static void check(String jobId, JobData data) {
        ActionOwner owner = data.actionTypeId().owner();
        int artifacts = owner == ActionOwner.THIRD_PARTY ? THIRD_PARTY_ARTIFACTS : CUSTOM_ARTIFACTS;
        String source = owner == ActionOwner.THIRD_PARTY ? "the action type API's ActionTypeArtifactDetails"
                : "the user guide's pipeline structure reference";
        count(jobId, "inputArtifacts", data.inputArtifacts(), artifacts, owner, source);
        count(jobId, "outputArtifacts", data.outputArtifacts(), artifacts, owner, source);
        Map<String, String> configuration = configuration(data);
        if (configuration.size() > CONFIGURATION_PROPERTIES) {
            throw new IllegalArgumentException("job " + jobId + ": actionConfiguration.configuration may have at most "
                    + CONFIGURATION_PROPERTIES + " properties (an action type declares at most 10), but has "
                    + configuration.size() + " " + configuration.keySet() + "; drop some");
        }
    }

    /** Checks the job's value of its type's queryable property, when the type has one. */
    static void checkQueryable(String jobId, JobData data, ActionTypeSettings typeSettings) {
        String queryable = typeSettings.queryableProperty();
        if (queryable == null) {
            return;
        }
        try {
            ActionTypeSettings.checkQueryableValue(queryable, configuration(data).get(queryable));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("job " + jobId + " of an action type with queryable property '"
                    + queryable + "': " + e.getMessage(), e);
        }
    }

    private static void count(String jobId, String member, List<?> artifacts, int limit, ActionOwner owner,
            String source) {
        int size = artifacts == null ? 0 : artifacts.size();
        if (size > limit) {
            throw new IllegalArgumentException("job " + jobId + ": " + member + " of an action of owner "
                    + owner.wire() + " may hold 0 to " + limit + " artifacts (" + source + "), but holds " + size
                    + "; give the job at most " + limit);
        }
    }

    private static Map<String, String> configuration(JobData data) {
        if (data.actionConfiguration() == null || data.actionConfiguration().configuration() == null) {
            return Map.of();
        }
        return data.actionConfiguration().configuration();
    }
}
