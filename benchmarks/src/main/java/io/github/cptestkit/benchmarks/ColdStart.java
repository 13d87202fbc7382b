package io.github.cptestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One cold start in a fresh JVM, what a test class pays before its first call answers: JUnit's launcher runs a
 * class with one test, either {@code @CodePipelineMockTest} (the extension starts a mock; the test registers an
 * action type) or a plain {@code WireMockServer} started in {@code @BeforeAll} (the test stubs the same call); then
 * the test sends one PollForThirdPartyJobs. Prints {@code COLD <nanoseconds>} from the start of {@code main} to
 * the answer, then exits.
 *
 * <pre>{@code
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/run-classpath.txt)" \
 *     io.github.cptestkit.benchmarks.ColdStart extension      # or: wiremock
 * }</pre>
 */
public final class ColdStart {

    static final String PRINTED = "COLD";
    static final String POLL_TARGET = "CodePipeline_20150709.PollForThirdPartyJobs";
    /** {@link BenchJobs#pollRequest(int)} of 1, written out so that the baseline loads nothing of ours. */
    static final String POLL_BODY = "{\"actionTypeId\":{\"category\":\"Build\",\"owner\":\"ThirdParty\","
            + "\"provider\":\"Bench\",\"version\":\"1\"},\"maxBatchSize\":1}";

    private static volatile long answeredAt;

    private ColdStart() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        Class<?> testClass = switch (args.length == 1 ? args[0] : "") {
            case "extension" -> WithTheExtension.class;
            case "wiremock" -> WithWireMockServer.class;
            default -> throw new IllegalArgumentException("usage: ColdStart extension|wiremock");
        };
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != 1) {
            summary.printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
            throw new IllegalStateException("the cold-start test of " + testClass.getSimpleName() + " did not pass");
        }
        System.out.println(PRINTED + " " + (answeredAt - start));
        System.out.flush();
        System.exit(0);
    }

    /** The extension's way: the mock comes with the annotation. */
    @CodePipelineMockTest
    static class WithTheExtension {
        @Test
        void firstCall(CodePipelineMock mock) {
            mock.registerActionType(BenchJobs.ACTION_TYPE);
            answered(poll(mock.port()));
        }
    }

    /** The plain way: a WireMockServer per class and a stub of the same call. */
    static class WithWireMockServer {
        static WireMockServer server;

        @BeforeAll
        static void start() {
            server = new WireMockServer(options().dynamicPort());
            server.start();
        }

        @AfterAll
        static void stop() {
            server.stop();
        }

        @Test
        void firstCall() {
            server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(POLL_TARGET))
                    .willReturn(aResponse().withHeader("Content-Type", Answer.CONTENT_TYPE).withBody("{\"jobs\":[]}")));
            answered(poll(server.port()));
        }
    }

    private static void answered(int status) {
        answeredAt = System.nanoTime();
        if (status != 200) {
            throw new AssertionError("the first call was answered " + status + ", not 200");
        }
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
