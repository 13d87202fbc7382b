package io.github.cptestkit.mock.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.mock.CodePipelineMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedBodiesTest {

    @Test
    void aBodyKeptAsideReachesTheBucketWithoutItsTokenOrAClientsForgedOneEverReachingWireMock() throws Exception {
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                            URI.create(mock.endpoint() + "/bucket/key"))
                    .PUT(HttpRequest.BodyPublishers.ofString("artifact bytes"))
                    .header(ReceivedBodies.TOKEN_HEADER, "1")
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("the bucket refuses the unsigned upload as S3 does").isEqualTo(403);
            assertThat(answer.body()).contains("<Code>AccessDenied</Code>");
            List<LoggedRequest> journal = mock.wireMock().findAll(
                    com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                            com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
            assertThat(journal).singleElement().satisfies(request -> {
                assertThat(request.getAllHeaderKeys()).noneMatch(ReceivedBodies.TOKEN_HEADER::equalsIgnoreCase);
                assertThat(request.getBody()).as("the journal keeps no artifact").isEmpty();
            });
        }
    }
}
