package io.github.cptestkit.pact.usage;

import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import io.github.cptestkit.pact.CodePipelinePact;
import io.github.cptestkit.pact.CodePipelineProviderTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Verifies the pacts a Pact Broker holds for provider {@value CodePipelinePact#PROVIDER}; skipped unless
 * {@code pactbroker.url} is set. Everything else comes from Pact JVM's standard properties (see pact/README.md):
 * {@code pactbroker.auth.token} (or {@code .username}/{@code .password}), {@code pactbroker.enablePending} with
 * {@code pactbroker.providerBranch}, {@code pactbroker.includeWipPactsSince},
 * {@code pactbroker.consumerversionselectors.rawjson} (instead of the selectors below), and
 * {@code pact.verifier.publishResults} with {@code pact.provider.version} to publish the results. The CI job
 * {@code .github/workflows/pact-broker.yml} runs it.
 */
// region pact-broker-test
@PactBroker
@EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
class BrokerPactVerificationTest extends CodePipelineProviderTest {

    /** The pacts of every consumer's main branch and of the versions deployed or released. */
    @PactBrokerConsumerVersionSelectors
    public static SelectorBuilder consumerVersionSelectors() {   // public and static, or Pact JVM refuses it
        return new SelectorBuilder().mainBranch().deployedOrReleased();
    }
}
// endregion
