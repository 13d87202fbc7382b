package io.github.cptestkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that is a fixture of an extension test: it runs only inside {@link Fixtures#run}, which sets
 * {@value #ENABLED}, never on its own (some of its tests fail on purpose).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(ExtensionFixture.OnlyInsideFixturesRun.class)
@interface ExtensionFixture {

    String ENABLED = "cptestkit.fixtures.enabled";

    final class OnlyInsideFixturesRun implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by Fixtures.run")
                    : ConditionEvaluationResult.disabled("an extension-test fixture; it runs only through"
                            + " Fixtures.run");
        }
    }
}
