package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.CodePipelineMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleNotifierTest {

    @Test
    void aMultiLineWireMockReportIsCutToItsFirstLineWithoutTheRequest() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleNotifier notifier = new ConsoleNotifier(new PrintStream(err, true, StandardCharsets.UTF_8));

        notifier.error("\n   Request was not matched\n   =======\n| GET /bucket/key?X-Amz-Security-Token=SECRET |\n"
                + "Authorization: SECRET-SIG\n");

        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("codepipeline-mock: WireMock: Request was not matched");
    }

    @Test
    void aRequestNoStubTakesIsAnsweredByTheMockWithoutAnyWireMockReport() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleNotifier notifier = new ConsoleNotifier(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try (CodePipelineMock mock = CodePipelineMock.builder()
                .wireMockOptions(options -> options.notifier(notifier)).build().start()) {
            status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.endpoint()
                    + "/bucket/key?X-Amz-Security-Token=SECRET-SESSION-TOKEN")).header("Authorization", "SECRET-SIG")
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        assertThat(status).isEqualTo(400);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
