package io.github.cptestkit.pact.usage;

import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.cptestkit.pact.CodePipelineProviderTest;

/**
 * Verifies the pacts {@link WorkerConsumerPactTest} wrote to {@code target/pacts}: replayed against the mock and
 * checked against the schemas. Runs after the consumer tests (failsafe, in {@code integration-test}).
 */
@PactFolder("target/pacts")
class WorkerPactsVerificationIT extends CodePipelineProviderTest {
}
