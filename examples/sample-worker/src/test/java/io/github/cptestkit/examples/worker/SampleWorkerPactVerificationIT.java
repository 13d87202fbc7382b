package io.github.cptestkit.examples.worker;

import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.cptestkit.pact.CodePipelineProviderTest;

/**
 * Verifies the pact {@link SampleWorkerPactTest} wrote against what CodePipeline can do: every interaction checked
 * against the schemas, then replayed against the toolkit's mock with its provider states set up. Failsafe runs it
 * after the consumer tests.
 */
// region pact-provider-test
@PactFolder("target/pacts")
class SampleWorkerPactVerificationIT extends CodePipelineProviderTest {
}
// endregion
