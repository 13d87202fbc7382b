package io.github.cptestkit.mock.hostile;

import static io.github.cptestkit.mock.hostile.HostileBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, or stop halfway: the mock keeps answering everyone else meanwhile, and cuts a stalled
 * connection off after Jetty's idle timeout (30 s by default; 500 ms here).
 */
class SlowSendersTest {

    static final FakeCustomJob JOB = FakeJobs.withSeed(17).custom().build();
    static final String HEAD = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: CodePipeline_20150709.GetJobDetails"
            + "\r\nContent-Type: application/x-amz-json-1.1\r\n";

    @Test
    void clientsStalledInTheirHeadersOrBodiesDoNotStopOthersBeingServed() throws IOException {
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            mock.enqueue(JOB);
            RawHttp http = new RawHttp(mock.endpoint());
            byte[] body = utf8("{\"jobId\": \"" + JOB.jobId() + "\"}");
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {      // half of them stop inside the headers, half inside the body
                    Socket socket = http.connect();
                    String head = i % 2 == 0 ? HEAD.substring(0, 40) : HEAD + "Content-Length: " + body.length
                            + "\r\n\r\n" + new String(body, 0, 5, StandardCharsets.UTF_8);
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    stalled.add(socket);
                }

                for (int i = 0; i < 20; i++) {
                    RawHttp.Answer answer = http.send("POST", "/", Map.of("X-Amz-Target",
                            "CodePipeline_20150709.GetJobDetails", "Content-Type", "application/x-amz-json-1.1"), body);
                    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                }

                // A trickler that finally finishes is answered too.
                Socket last = stalled.get(stalled.size() - 1);
                OutputStream out = last.getOutputStream();
                for (byte b : java.util.Arrays.copyOfRange(body, 5, body.length)) {
                    out.write(b);
                    out.flush();
                }
                assertThat(RawHttp.read(last.getInputStream()).status()).isEqualTo(200);
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aClientThatStopsSendingIsCutOffAfterTheIdleTimeout() throws IOException {
        try (CodePipelineMock mock = CodePipelineMock.builder()
                .wireMockOptions(options -> options.jettyIdleTimeout(500L)).build().start()) {
            RawHttp http = new RawHttp(mock.endpoint());
            try (Socket inBody = http.connect(); Socket inHeaders = http.connect()) {
                inBody.getOutputStream().write((HEAD + "Content-Length: 100\r\n\r\n{\"jobId\"")
                        .getBytes(StandardCharsets.ISO_8859_1));
                inHeaders.getOutputStream().write(HEAD.substring(0, 30).getBytes(StandardCharsets.ISO_8859_1));

                // Each read blocks until the server answers or closes: well within the sockets' 20 s read timeout.
                assertThat(answerOrClose(inBody)).isIn("closed", "400", "408", "500");
                assertThat(answerOrClose(inHeaders)).isIn("closed", "400", "408");
            }
            assertThat(http.send("POST", "/", Map.of("X-Amz-Target", "CodePipeline_20150709.GetJobDetails",
                    "Content-Type", "application/x-amz-json-1.1"), utf8("{}")).status()).isEqualTo(400);
        }
    }

    /** The status of the server's answer, or "closed" when it closed the connection without one. */
    static String answerOrClose(Socket socket) {
        try {
            return String.valueOf(RawHttp.read(socket.getInputStream()).status());
        } catch (IOException closed) {
            return "closed";
        }
    }
}
