package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WireMock's {@code POST /__admin/mappings/save} writes the user's stubs to the files root, never the mock's own
 * (which every start installs): a mock started again on the same files root loads the saved stubs beside its own and
 * serves both.
 */
class SavedMappingsTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void savedMappingsHoldOnlyTheUsersStubsAndTheNextMockStartsWithThem(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("mappings"));
        try (CodePipelineMock first = mockOn(root)) {
            first.wireMock().stubFor(get("/mine").willReturn(ok("my stub")));
            HttpResponse<String> saved = send(HttpRequest.newBuilder(first.endpoint()
                    .resolve("/__admin/mappings/save")).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        }
        List<String> files;
        try (Stream<Path> listed = Files.list(root.resolve("mappings"))) {
            files = listed.map(file -> read(file)).toList();
        }
        assertThat(files).singleElement().asString().contains("/mine").doesNotContain("codepipeline-testkit");

        try (CodePipelineMock second = mockOn(root)) {
            HttpResponse<String> mine = send(HttpRequest.newBuilder(second.endpoint().resolve("/mine")));
            HttpResponse<String> poll = send(HttpRequest.newBuilder(second.endpoint())
                    .header("X-Amz-Target", "CodePipeline_20150709.PollForJobs")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"actionTypeId\": {\"category\": \"Build\","
                            + " \"owner\": \"Custom\", \"provider\": \"Saved\", \"version\": \"1\"}}")));

            assertThat(mine.body()).isEqualTo("my stub");
            assertThat(poll.statusCode()).as(poll.body()).isEqualTo(400);
            assertThat(poll.headers().firstValue("x-amzn-ErrorType")).hasValue("ActionTypeNotFoundException");
        }
    }

    private static CodePipelineMock mockOn(Path root) {
        return CodePipelineMock.builder().wireMockOptions(options -> options.usingFilesUnderDirectory(root.toString()))
                .build().start();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
