package io.github.cptestkit.pact.usage;

import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.cptestkit.pact.CodePipelineProviderTest;

/**
 * Verifies {@code src/test/resources/pacts/hand-written-worker-aws-codepipeline.json}, a pact written by hand in the
 * Pact specification v3 format (not by the DSL): header names in any case, provider state parameters, a
 * {@code ProviderState} generator, errors with and without matchers, a poll that finds nothing.
 */
@PactFolder("pacts")
class HandWrittenPactVerificationTest extends CodePipelineProviderTest {
}
