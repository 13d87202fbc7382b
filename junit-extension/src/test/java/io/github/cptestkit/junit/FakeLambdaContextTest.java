package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.MockClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fake Context counts its remaining time on the clock it is given and its logger shows no secret. */
class FakeLambdaContextTest {

    final MockClock clock = MockClock.at(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void theRemainingTimeCountsDownOnTheClockToTheDeadlineThenStaysZero() {
        FakeLambdaContext context = FakeLambdaContext.builder("Deploy").clock(clock).timeout(Duration.ofSeconds(30))
                .build();

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(30_000);
        clock.advance(Duration.ofSeconds(12));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(18_000);
        clock.advance(Duration.ofMinutes(1));
        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void itNamesTheFunctionAsLambdaDoesByDefault() {
        FakeLambdaContext context = FakeLambdaContext.builder("Deploy").clock(clock).awsRequestId("r-1").build();

        assertThat(context.getFunctionName()).isEqualTo("Deploy");
        assertThat(context.getAwsRequestId()).isEqualTo("r-1");
        assertThat(context.getInvokedFunctionArn()).matches("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:Deploy");
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/Deploy");
        assertThat(context.getLogStreamName()).startsWith("2026/03/01/[" + context.getFunctionVersion() + "]");
    }

    @Test
    void itsLoggerKeepsEveryLineWithEachSecretReplacedTheLongerOneFirst() {
        FakeLambdaContext context = FakeLambdaContext.builder("Deploy").clock(clock)
                .secrets("token", "session-token-1234", null, "").build();

        context.getLogger().log("credentials: session-token-1234 and token");
        context.getLogger().log("done".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(context.logLines()).containsExactly(
                "credentials: *** Sensitive Data Redacted *** and *** Sensitive Data Redacted ***", "done");
    }

    @Test
    void aFunctionNameThatIsNotAPlainLambdaNameIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> FakeLambdaContext.builder("arn:aws:lambda:us-east-1:1:function:Deploy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("functionName must be 1 to 64 letters, digits, '-' or '_'");
    }
}
