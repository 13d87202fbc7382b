package io.github.cptestkit.mock.pipelines;

import io.github.cptestkit.wire.ActionTypeId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One action of a stage, as a pipeline declares it.
 *
 * <pre>{@code
 * ActionDeclaration build = ActionDeclaration.of("Build",
 *                 new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "MyBuilder", "1"))
 *         .withConfiguration(Map.of("ProjectName", "payments"))
 *         .withInputArtifacts("SourceArtifact")
 *         .withOutputArtifacts("BuildArtifact")
 *         .withNamespace("BuildVariables");
 * }</pre>
 *
 * @param name             unique in its stage
 * @param actionTypeId     the action type (category, owner, provider, version)
 * @param runOrder         1..999: actions of a stage run by ascending runOrder, those sharing one in parallel
 * @param configuration    the action's configuration, keys as the action type names them; values may hold
 *                         {@code #{Namespace.Variable}} references
 * @param inputArtifacts   names of artifacts earlier actions produce
 * @param outputArtifacts  names of the artifacts it produces, unique in the pipeline
 * @param namespace        the namespace of the variables it produces, or {@code null}
 * @param region           the Region it runs in (cross-Region actions), or {@code null} for the pipeline's
 * @param roleArn          the role it runs with, or {@code null}
 * @param timeoutInMinutes its timeout (V2 pipelines), or {@code null}
 * @param otherMembers     members of the model's ActionDeclaration the mock keeps as they came without interpreting
 *                         them ({@code commands}, {@code environmentVariables}, {@code outputVariables}), as plain
 *                         values (String, Number, Boolean, List, Map)
 */
public record ActionDeclaration(String name, ActionTypeId actionTypeId, int runOrder,
        Map<String, String> configuration, List<String> inputArtifacts, List<String> outputArtifacts,
        String namespace, String region, String roleArn, Integer timeoutInMinutes, Map<String, Object> otherMembers) {

    /** The runOrder of an action that declares none. */
    public static final int DEFAULT_RUN_ORDER = 1;

    public ActionDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actionTypeId, "actionTypeId");
        configuration = Copies.map(configuration, "configuration of action " + name);
        inputArtifacts = Copies.list(inputArtifacts, "inputArtifacts of action " + name);
        outputArtifacts = Copies.list(outputArtifacts, "outputArtifacts of action " + name);
        otherMembers = Copies.map(otherMembers, "otherMembers of action " + name);
    }

    /** An action of runOrder 1 with no configuration, artifacts, namespace or Region. */
    public static ActionDeclaration of(String name, ActionTypeId actionTypeId) {
        return new ActionDeclaration(name, actionTypeId, DEFAULT_RUN_ORDER, null, null, null, null, null, null, null,
                null);
    }

    /** The same action with another runOrder. */
    public ActionDeclaration withRunOrder(int newRunOrder) {
        return new ActionDeclaration(name, actionTypeId, newRunOrder, configuration, inputArtifacts, outputArtifacts,
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /** The same action with this configuration (replacing the one it had). */
    public ActionDeclaration withConfiguration(Map<String, String> newConfiguration) {
        return new ActionDeclaration(name, actionTypeId, runOrder, newConfiguration, inputArtifacts, outputArtifacts,
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /** The same action with one more configuration entry (or another value for {@code key}). */
    public ActionDeclaration withConfiguration(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(configuration);
        changed.put(key, value);
        return withConfiguration(changed);
    }

    /** The same action reading these artifacts. */
    public ActionDeclaration withInputArtifacts(String... names) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, List.of(names), outputArtifacts,
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /** The same action producing these artifacts. */
    public ActionDeclaration withOutputArtifacts(String... names) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, inputArtifacts, List.of(names),
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /** The same action with its variables under {@code newNamespace}. */
    public ActionDeclaration withNamespace(String newNamespace) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, inputArtifacts, outputArtifacts,
                newNamespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /** The same action run in another Region. */
    public ActionDeclaration withRegion(String newRegion) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, inputArtifacts, outputArtifacts,
                namespace, newRegion, roleArn, timeoutInMinutes, otherMembers);
    }

    /** Shows configuration keys, never values: secret configuration properties travel there in clear text. */
    @Override
    public String toString() {
        return "ActionDeclaration[name=" + name + ", actionTypeId=" + actionTypeId + ", runOrder=" + runOrder
                + ", configuration keys=" + configuration.keySet() + ", inputArtifacts=" + inputArtifacts
                + ", outputArtifacts=" + outputArtifacts + ", namespace=" + namespace + ", region=" + region + "]";
    }
}
