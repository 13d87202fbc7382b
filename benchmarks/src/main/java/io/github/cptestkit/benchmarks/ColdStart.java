package io.github.cptestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * One cold start in a fresh JVM, what a test class pays before its first call: {@code mock} builds and starts a
 * {@code CodePipelineMock} and registers an action type, {@code wiremock} starts a plain {@code WireMockServer} and
 * stubs the same call; then both answer one PollForThirdPartyJobs. Prints {@code COLD <nanoseconds>} from the start of
 * {@code main} to the answer, then exits.
 *
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/run-classpath.txt):benchmarks/target/classes" \
 *     io.github.cptestkit.benchmarks.ColdStart mock
 * }</pre>
 */
public final class ColdStart {

    static final String PRINTED = "COLD";
    static final String POLL_TARGET = "CodePipeline_20150709.PollForThirdPartyJobs";
    /** {@link BenchJobs#pollRequest(int)} of 1, written out so that the baseline loads nothing of ours. */
    static final String POLL_BODY = "{\"actionTypeId\":{\"category\":\"Build\",\"owner\":\"ThirdParty\","
            + "\"provider\":\"Bench\",\"version\":\"1\"},\"maxBatchSize\":1}";

    private ColdStart() {}

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        int port;
        if (args.length == 1 && args[0].equals("mock")) {
            CodePipelineMock mock = CodePipelineMock.builder().build().start();
            mock.registerActionType(BenchJobs.ACTION_TYPE);
            port = mock.port();
        } else if (args.length == 1 && args[0].equals("wiremock")) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(POLL_TARGET))
                    .willReturn(aResponse().withHeader("Content-Type", Answer.CONTENT_TYPE).withBody("{\"jobs\":[]}")));
            port = server.port();
        } else {
            throw new IllegalArgumentException("usage: ColdStart mock|wiremock");
        }
        int status = poll(port);
        long elapsed = System.nanoTime() - start;
        if (status != 200) {
            throw new IllegalStateException("the first call was answered " + status + ", not 200");
        }
        System.out.println(PRINTED + " " + elapsed);
        System.out.flush();
        System.exit(0);
    }

    /** One PollForThirdPartyJobs; the status, or -1 when nothing answers. */
    static int poll(int port) {
        try {
            HttpURLConnection call = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
            call.setConnectTimeout(1000);
            call.setReadTimeout(5000);
            call.setRequestMethod("POST");
            call.setDoOutput(true);
            call.setRequestProperty("Content-Type", Answer.CONTENT_TYPE);
            call.setRequestProperty("X-Amz-Target", POLL_TARGET);
            try (OutputStream out = call.getOutputStream()) {
                out.write(POLL_BODY.getBytes(StandardCharsets.UTF_8));
            }
            int status = call.getResponseCode();
            try (InputStream in = status < 400 ? call.getInputStream() : call.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }
}
