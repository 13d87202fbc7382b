package io.github.cptestkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link ExtensionFixture} classes through JUnit's EngineTestKit. */
final class Fixtures {

    private Fixtures() {}

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ExtensionFixture.ENABLED, "true")
                .configurationParameters(configuration);
        Arrays.stream(fixtures).forEach(fixture -> builder.selectors(selectClass(fixture)));
        return builder.execute();
    }
}
