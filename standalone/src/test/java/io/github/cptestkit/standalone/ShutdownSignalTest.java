package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.mock.AdminHttp;
import io.github.cptestkit.mock.ChildJvm;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The standalone mock stopped by SIGTERM (what {@code docker stop}, Kubernetes and CI runners send): it stops
 * accepting connections at once, lets the calls in flight finish within its grace period, and exits 0. Each case runs
 * the command line in a JVM of its own and signals it; calls are held in flight by a delay fault.
 */
class ShutdownSignalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLL = "{\"actionTypeId\": {\"category\": \"Build\", \"owner\": \"Custom\","
            + " \"provider\": \"Held\", \"version\": \"1\"}}";

    @Test
    void sigtermWithNoCallInFlightExitsZero() {
        try (ChildJvm jar = ChildJvm.start(List.of(), MockServerCommand.class, "--port", "0")) {
            URI endpoint = endpoint(jar);

            jar.process().destroy(); // SIGTERM

            assertThat(jar.awaitExit(Duration.ofSeconds(20))).as(jar.stderr()).isZero();
            assertThat(refusesConnections(endpoint)).isTrue();
        }
    }

    @Test
    void sigtermLetsTheCallsInFlightFinishThenExitsZero() throws Exception {
        try (ChildJvm jar = ChildJvm.start(List.of(), MockServerCommand.class, "--port", "0")) {
            URI endpoint = endpoint(jar);
            AdminHttp admin = new AdminHttp(endpoint);
            assertThat(admin.post("action-types", "{\"actionTypeId\": {\"category\": \"Build\", \"owner\":"
                    + " \"Custom\", \"provider\": \"Held\", \"version\": \"1\"}}").status()).isEqualTo(200);
            assertThat(admin.post("faults", "{\"operation\": \"PollForJobs\", \"times\": 6, \"delayMillis\": 3000}")
                    .status()).isEqualTo(200);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(http.sendAsync(HttpRequest.newBuilder(endpoint.resolve("/"))
                        .header("X-Amz-Target", "CodePipeline_20150709.PollForJobs")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(HttpRequest.BodyPublishers.ofString(POLL)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            awaitPollsHeld(http, endpoint, 6); // WireMock journals a call before its delay

            jar.process().destroy(); // SIGTERM

            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!refusesConnections(endpoint) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(refusesConnections(endpoint)).as("new connections are refused once SIGTERM arrived").isTrue();
            assertThat(calls).as("the delayed calls are still in flight").allMatch(call -> !call.isDone());
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> answer = call.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(JSON.readTree(answer.body()).path("jobs").isArray()).isTrue();
            }
            assertThat(jar.awaitExit(Duration.ofSeconds(20))).as(jar.stderr()).isZero();
        }
    }

    @Test
    void callsLongerThanTheGracePeriodAreCutAndTheMockStillExitsZero() throws Exception {
        try (ChildJvm jar = ChildJvm.start(List.of(), MockServerCommand.class, "--port", "0",
                "--shutdown-grace", "1")) {
            URI endpoint = endpoint(jar);
            AdminHttp admin = new AdminHttp(endpoint);
            assertThat(admin.post("action-types", "{\"actionTypeId\": {\"category\": \"Build\", \"owner\":"
                    + " \"Custom\", \"provider\": \"Held\", \"version\": \"1\"}}").status()).isEqualTo(200);
            assertThat(admin.post("faults", "{\"operation\": \"PollForJobs\", \"delayMillis\": 60000}").status())
                    .isEqualTo(200);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CompletableFuture<HttpResponse<String>> held = http.sendAsync(HttpRequest.newBuilder(endpoint.resolve("/"))
                    .header("X-Amz-Target", "CodePipeline_20150709.PollForJobs")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(POLL)).build(), HttpResponse.BodyHandlers.ofString());
            awaitPollsHeld(http, endpoint, 1);
            long signalled = System.nanoTime();

            jar.process().destroy(); // SIGTERM

            assertThat(jar.awaitExit(Duration.ofSeconds(20))).as(jar.stderr()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(30));
            assertThat(held).failsWithin(Duration.ofSeconds(10));
        }
    }

    private static URI endpoint(ChildJvm jar) {
        String ready = jar.awaitLine(line -> line.startsWith(MockServerCommand.READY + " "), Duration.ofSeconds(90));
        try {
            return URI.create(JSON.readTree(ready.substring(MockServerCommand.READY.length() + 1)).path("endpoint")
                    .asText());
        } catch (IOException e) {
            throw new AssertionError("the ready line is not JSON: " + ready, e);
        }
    }

    /** Waits (bounded) until WireMock's journal holds {@code count} PollForJobs calls, journaled before their delay. */
    private static void awaitPollsHeld(HttpClient http, URI endpoint, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long held = 0;
        while (System.nanoTime() < deadline) {
            JsonNode journal = JSON.readTree(http.send(HttpRequest.newBuilder(endpoint.resolve("/__admin/requests"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            held = StreamSupport.stream(journal.path("requests").spliterator(), false)
                    .filter(event -> event.path("request").path("headers").path("X-Amz-Target").asText()
                            .endsWith("PollForJobs"))
                    .count();
            if (held >= count) {
                return;
            }
        }
        throw new AssertionError("only " + held + " of " + count + " PollForJobs calls reached the mock");
    }

    private static boolean refusesConnections(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
