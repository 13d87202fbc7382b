package io.github.cptestkit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The holder makes each SDK client when it is first asked for, once. */
class MockHolderTest {

    @Test
    void eachClientIsMadeOnFirstUseAndThenTheSameOneIsGiven() {
        try (MockHolder holder = MockHolder.start(MockOptions.defaults())) {
            CodePipelineClient codePipeline = holder.codePipeline();
            S3Client s3 = holder.s3();

            assertThat(holder.codePipeline()).isSameAs(codePipeline);
            assertThat(holder.s3()).isSameAs(s3);
            assertThat(codePipeline.serviceClientConfiguration().endpointOverride())
                    .hasValue(holder.mock().endpoint());
        }
    }

    @Test
    void aHolderWhoseClientsWereNeverAskedForClosesItsMock() {
        MockHolder holder = MockHolder.start(MockOptions.defaults());

        holder.close();

        assertThat(holder.mock().isRunning()).isFalse();
    }
}
