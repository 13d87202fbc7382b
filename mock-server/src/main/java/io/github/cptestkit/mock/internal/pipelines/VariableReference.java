package io.github.cptestkit.mock.internal.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code #{Namespace.Variable}} reference in an action's configuration value (reference-variables.md:44-66 of the
 * user guide at 9342aee): {@code codepipeline} is the execution's own namespace, {@code variables} that of a V2
 * pipeline's variables, any other an action's {@code namespace}. Text that is not of this form stays text.
 *
 * <pre>{@code
 * VariableReference.in("build-#{codepipeline.PipelineExecutionId}-#{BuildVariables.Version}");
 * // [codepipeline.PipelineExecutionId, BuildVariables.Version]
 * }</pre>
 *
 * @param namespace the namespace
 * @param variable  the variable's key
 */
public record VariableReference(String namespace, String variable) {

    /** The namespace of the variables every execution has ({@code PipelineExecutionId}). */
    public static final String EXECUTION_NAMESPACE = "codepipeline";
    /** The namespace of a V2 pipeline's pipeline-level variables. */
    public static final String PIPELINE_VARIABLES_NAMESPACE = "variables";

    private static final Pattern REFERENCE = Pattern.compile("#\\{([^}.]+)\\.([^}]+)}");

    /** The references in {@code value}, in order. */
    public static List<VariableReference> in(String value) {
        List<VariableReference> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            references.add(new VariableReference(m.group(1), m.group(2)));
        }
        return references;
    }

    /** As it is written: {@code #{Namespace.Variable}}. */
    @Override
    public String toString() {
        return "#{" + namespace + "." + variable + "}";
    }
}
