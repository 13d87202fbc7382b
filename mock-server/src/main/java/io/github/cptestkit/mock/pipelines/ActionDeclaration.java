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

    /**
     * Copies the maps and lists ({@code null} is empty; a {@code null} entry is refused); the name and the type are
     * required. The rules of an action (runOrder, artifacts, configuration) are checked when its pipeline is created or
     * updated.
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
    public ActionDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actionTypeId, "actionTypeId");
        configuration = Copies.map(configuration, "configuration of action " + name);
        inputArtifacts = Copies.list(inputArtifacts, "inputArtifacts of action " + name);
        outputArtifacts = Copies.list(outputArtifacts, "outputArtifacts of action " + name);
        otherMembers = Copies.map(otherMembers, "otherMembers of action " + name);
    }

    /**
     * An action of runOrder 1 with no configuration, artifacts, namespace or Region.
     *
     * @param name         the action's name, unique in its stage; not {@code null}
     * @param actionTypeId the action type it runs; not {@code null}
     * @return a new declaration
     */
    public static ActionDeclaration of(String name, ActionTypeId actionTypeId) {
        return new ActionDeclaration(name, actionTypeId, DEFAULT_RUN_ORDER, null, null, null, null, null, null, null,
                null);
    }

    /**
     * The same action with another runOrder.
     *
     * @param newRunOrder 1..999 (checked when the pipeline is created or updated); actions sharing one run in parallel
     * @return a new declaration; this one is unchanged
     */
    public ActionDeclaration withRunOrder(int newRunOrder) {
        return new ActionDeclaration(name, actionTypeId, newRunOrder, configuration, inputArtifacts, outputArtifacts,
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /**
     * The same action with this configuration (replacing the one it had).
     *
     * @param newConfiguration the configuration by key, copied in order; {@code null} is none. No {@code null} key or
     *                         value
     * @return a new declaration; this one is unchanged
     */
    public ActionDeclaration withConfiguration(Map<String, String> newConfiguration) {
        return new ActionDeclaration(name, actionTypeId, runOrder, newConfiguration, inputArtifacts, outputArtifacts,
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /**
     * The same action with one more configuration entry (or another value for {@code key}).
     *
     * @param key   the configuration key, as the action type names it; not {@code null}
     * @param value its value, which may hold {@code #{Namespace.Variable}} references; not {@code null}
     * @return a new declaration; this one is unchanged
     */
    public ActionDeclaration withConfiguration(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(configuration);
        changed.put(key, value);
        return withConfiguration(changed);
    }

    /**
     * The same action reading these artifacts (replacing those it read).
     *
     * @param names names of artifacts earlier actions produce, in order; none is no input
     * @return a new declaration; this one is unchanged
     */
    public ActionDeclaration withInputArtifacts(String... names) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, List.of(names), outputArtifacts,
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /**
     * The same action producing these artifacts (replacing those it produced).
     *
     * @param names names of the artifacts it produces, unique in the pipeline; none is no output
     * @return a new declaration; this one is unchanged
     */
    public ActionDeclaration withOutputArtifacts(String... names) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, inputArtifacts, List.of(names),
                namespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /**
     * The same action with its variables under {@code newNamespace}.
     *
     * @param newNamespace the namespace later actions name in {@code #{newNamespace.Variable}}, or {@code null} for
     *                     none
     * @return a new declaration; this one is unchanged
     */
    public ActionDeclaration withNamespace(String newNamespace) {
        return new ActionDeclaration(name, actionTypeId, runOrder, configuration, inputArtifacts, outputArtifacts,
                newNamespace, region, roleArn, timeoutInMinutes, otherMembers);
    }

    /**
     * The same action run in another Region.
     *
     * @param newRegion the Region, e.g. {@code eu-west-1} (the pipeline needs an artifact store there), or {@code null}
     *                  for the pipeline's
     * @return a new declaration; this one is unchanged
     */
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
