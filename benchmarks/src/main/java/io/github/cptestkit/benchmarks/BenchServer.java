package io.github.cptestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.Operation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server under load, in a JVM of its own (so no scenario shares JIT profiles with another), driven by
 * {@link LoadHarness}: it prints {@code READY {"port": ...}} once it serves, then obeys lines on its standard input
 * ({@code refill}: forget every job and queue the worker scenario's jobs again) and exits at end of input.
 *
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/run-classpath.txt):benchmarks/target/classes" \
 *     io.github.cptestkit.benchmarks.BenchServer emulator target/bench      # L2: writes the requests and answers
 * java ... BenchServer wiremock target/bench/details-answer.json          # L1: a static stub of that answer
 * java ... BenchServer jetty target/bench/details-answer.json             # L0: raw Jetty, the same bytes
 * java ... BenchServer worker 30000                                        # L3: a queue of 30,000 jobs
 * }</pre>
 */
public final class BenchServer {

    /** Printed, with a JSON object, once the server answers. */
    static final String READY = "READY";

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BenchServer jetty|wiremock ANSWER_FILE | emulator DIR"
                    + " [--journal] | worker JOBS");
        }
        Map<String, Object> ready = new LinkedHashMap<>();
        AutoCloseable server;
        Runnable refill = () -> { };
        switch (args[0]) {
            case "jetty" -> {
                RawJettyServer jetty = RawJettyServer.start(Answer.read(Path.of(args[1])));
                ready.put("port", jetty.port());
                server = jetty;
            }
            case "wiremock" -> {
                WireMockServer wireMock = staticStub(Answer.read(Path.of(args[1])));
                ready.put("port", wireMock.port());
                server = wireMock::stop;
            }
            case "emulator" -> {
                boolean journal = args.length > 2 && args[2].equals("--journal");
                CodePipelineMock mock = emulator(journal);
                ready.put("port", mock.port());
                ready.put("jobId", dispatchedJob(mock, Path.of(args[1])));
                server = mock;
            }
            case "worker" -> {
                CodePipelineMock mock = emulator(false);
                List<FakeThirdPartyJob> jobs = new ArrayList<>();
                for (int i = 1; i <= Integer.parseInt(args[1]); i++) {
                    jobs.add(BenchJobs.job(i));
                }
                refill = () -> {
                    mock.reset();
                    jobs.forEach(mock::enqueue);
                };
                refill.run();
                ready.put("port", mock.port());
                ready.put("jobs", jobs.size());
                server = mock;
            }
            default -> throw new IllegalArgumentException("unknown server " + args[0]
                    + "; use jetty, wiremock, emulator or worker");
        }
        System.out.println(READY + " " + WireFormat.toJson(ready));
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.equals("refill")) {
                refill.run();
                System.out.println("REFILLED");
                System.out.flush();
            }
        }
        server.close();
        System.exit(0);
    }

    /**
     * The emulator as a test gets it, with WireMock's request journal off unless {@code journal} (L4: on, at the
     * mock's default bound of 1000 entries).
     */
    static CodePipelineMock emulator(boolean journal) {
        CodePipelineMock.Builder builder = CodePipelineMock.builder();
        if (!journal) {
            builder.wireMockOptions(WireMockConfiguration::disableRequestJournal);
        }
        CodePipelineMock mock = builder.build().start();
        mock.registerActionType(BenchJobs.ACTION_TYPE);
        return mock;
    }

    /**
     * Queues job 0, polls and acknowledges it over HTTP, and writes the requests L2 and L5 send with the answers
     * they get ({@code details-request.json}, {@code details-answer.json}, {@code invalid-request.json},
     * {@code invalid-answer.json}) into {@code dir}; returns the job id.
     */
    private static String dispatchedJob(CodePipelineMock mock, Path dir) throws Exception {
        FakeThirdPartyJob job = BenchJobs.job(0);
        mock.enqueue(job);
        Answer polled = Answer.post(mock.endpoint(), Operation.POLL_FOR_THIRD_PARTY_JOBS.target(),
                BenchJobs.pollRequest(1));
        if (polled.status() != 200 || !polled.bodyText().contains(job.jobId())) {
            throw new IllegalStateException("the poll did not dispatch job " + job.jobId() + ": " + polled.status()
                    + " " + polled.bodyText());
        }
        String target = Operation.GET_THIRD_PARTY_JOB_DETAILS.target();
        String details = BenchJobs.detailsRequest(job.jobId());
        // Acknowledged, the job stays InProgress for its partner action's one-hour timeout (a dispatched job is
        // queued again after a minute): its details answer the same all run long but for the renewed artifact
        // credentials each answer hands out.
        Answer nonce = Answer.post(mock.endpoint(), target, details);
        Answer acknowledged = Answer.post(mock.endpoint(), Operation.ACKNOWLEDGE_THIRD_PARTY_JOB.target(),
                BenchJobs.acknowledgeRequest(job.jobId(), WireFormat.mapper().readTree(nonce.body())
                        .path("jobDetails").path("nonce").asText()));
        if (acknowledged.status() != 200 || !acknowledged.bodyText().contains("InProgress")) {
            throw new IllegalStateException("job " + job.jobId() + " was not acknowledged: " + acknowledged.status()
                    + " " + acknowledged.bodyText());
        }
        Files.createDirectories(dir);
        String invalid = BenchJobs.invalidDetailsRequest(job.jobId());
        Files.writeString(dir.resolve("details-request.json"), details);
        Files.writeString(dir.resolve("invalid-request.json"), invalid);
        Answer answer = Answer.post(mock.endpoint(), target, details);
        Answer refusal = Answer.post(mock.endpoint(), target, invalid);
        if (answer.status() != 200 || refusal.status() != 400) {
            throw new IllegalStateException("unexpected answers: details " + answer.status() + " "
                    + answer.bodyText() + "; invalid " + refusal.status() + " " + refusal.bodyText());
        }
        answer.write(dir.resolve("details-answer.json"));
        refusal.write(dir.resolve("invalid-answer.json"));
        return job.jobId();
    }

    /**
     * L1: raw WireMock with the options the emulator sets for itself (journal off, no stub request logging, gzip
     * off) and one static stub for the same request, answering the same bytes.
     */
    private static WireMockServer staticStub(Answer answer) {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .gzipDisabled(true));
        server.start();
        ResponseDefinitionBuilder response = aResponse().withStatus(answer.status()).withBody(answer.body());
        answer.headers().forEach(response::withHeader);
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(Operation.GET_THIRD_PARTY_JOB_DETAILS.target()))
                .willReturn(response));
        return server;
    }
}
