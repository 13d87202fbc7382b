package io.github.cptestkit.pact.usage;

import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.cptestkit.pact.CodePipelineProviderTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The provider test {@link WrongPactsTest} runs over one folder of {@code src/test/resources/wrong-pacts} at a time
 * (named by the system property); skipped when run any other way, since every pact it would verify is wrong.
 */
@EnabledIfSystemProperty(named = WrongPactCase.FOLDER, matches = ".+")
@PactFolder("${" + WrongPactCase.FOLDER + "}")
class WrongPactCase extends CodePipelineProviderTest {

    static final String FOLDER = "cptestkit.wrongpacts.folder";
}
