package io.github.cptestkit.junit.internal;

import io.github.cptestkit.junit.SimulateAction;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.executions.SimulatedAction;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The simulated actions a test declares with {@code @SimulateAction}, in the order of {@link DeclaredFaults}:
 * enclosing classes (outermost first), the test class, the method; checked as the admin API checks a simulation, so
 * that a bad value fails the test before it runs.
 *
 * <pre>{@code DeclaredSimulations.of(context).forEach(simulation -> simulation.planOn(mock));}</pre>
 */
public final class DeclaredSimulations {

    /** The model's pattern of pipeline, stage and action names (1 to 100 characters). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.@\\-_]{1,100}");
    /** The model's pattern of output variable names (OutputVariablesKey). */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9@\\-_]+");
    private static final int MAX_FAILURE_MESSAGE = 5000;
    private static final String ANNOTATION = "@SimulateAction";

    /**
     * One declared simulation.
     *
     * @param pipeline  the pipeline's name
     * @param stage     the stage's name
     * @param action    the action's name
     * @param behaviour how it behaves
     */
    public record Planned(String pipeline, String stage, String action, SimulatedAction behaviour) {

        /** Tells {@code mock} how the action behaves. */
        public void planOn(CodePipelineMock mock) {
            mock.simulate(pipeline, stage, action, behaviour);
        }
    }

    private DeclaredSimulations() {}

    /** The simulations declared for the test (or class) of {@code context}, checked. */
    public static List<Planned> of(ExtensionContext context) {
        List<Planned> planned = new ArrayList<>();
        for (AnnotatedElement element : DeclaredFaults.elements(context)) {
            for (SimulateAction simulation : AnnotationSupport.findRepeatableAnnotations(element,
                    SimulateAction.class)) {
                planned.add(planned(element, simulation));
            }
        }
        return planned;
    }

    private static Planned planned(AnnotatedElement element, SimulateAction simulation) {
        String on = ANNOTATION + " on " + DeclaredFaults.name(element);
        name(on, "pipeline", simulation.pipeline(), "the pipeline's name as declared");
        name(on, "stage", simulation.stage(), "the name of one of its stages");
        name(on, "action", simulation.action(), "the name of an action of that stage");
        long seconds = simulation.durationSeconds();
        if (seconds < 0 || seconds > SimulateAction.MAX_DURATION_SECONDS) {
            throw new ExtensionConfigurationException(on + " has durationSeconds=" + seconds + "; durationSeconds"
                    + " must be between 0 and " + SimulateAction.MAX_DURATION_SECONDS + " (30 days). Use a duration"
                    + " in that range.");
        }
        String failure = simulation.failureMessage();
        if (failure.length() > MAX_FAILURE_MESSAGE) {
            throw new ExtensionConfigurationException(on + " has a failureMessage of " + failure.length()
                    + " characters; failureMessage must be at most " + MAX_FAILURE_MESSAGE + ". Shorten it.");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String entry : simulation.outputVariables()) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new ExtensionConfigurationException(on + " has outputVariables entry \"" + entry + "\"; each"
                        + " entry must read NAME=value. Write it as \"" + entry + "=<value>\".");
            }
            String variable = entry.substring(0, equals);
            if (!VARIABLE.matcher(variable).matches()) {
                throw new ExtensionConfigurationException(on + " has outputVariables entry \"" + entry + "\"; a"
                        + " variable's name must be letters, digits, '@', '-' or '_' (the model's"
                        + " OutputVariablesKey), but was \"" + variable + "\". Rename the variable.");
            }
            if (variables.put(variable, entry.substring(equals + 1)) != null) {
                throw new ExtensionConfigurationException(on + " has outputVariables entry \"" + entry + "\" for"
                        + " variable " + variable + " given before; each variable must be given once. Remove one"
                        + " of them.");
            }
        }
        if (!failure.isEmpty() && !variables.isEmpty()) {
            throw new ExtensionConfigurationException(on + " has failureMessage=\"" + failure + "\" and"
                    + " outputVariables " + List.of(simulation.outputVariables()) + "; an action that fails produces"
                    + " no output variables. Remove outputVariables, or failureMessage to make it succeed.");
        }
        Duration duration = Duration.ofSeconds(seconds);
        SimulatedAction behaviour = failure.isEmpty()
                ? SimulatedAction.succeedAfter(duration).withOutputVariables(variables)
                : SimulatedAction.failAfter(duration, failure);
        return new Planned(simulation.pipeline(), simulation.stage(), simulation.action(), behaviour);
    }

    private static void name(String on, String attribute, String value, String what) {
        if (!NAME.matcher(value).matches()) {
            throw new ExtensionConfigurationException(on + " has " + attribute + "=\"" + value + "\"; " + attribute
                    + " must be 1 to 100 letters, digits, '.', '@', '-' or '_'. Give " + what + ".");
        }
    }
}
