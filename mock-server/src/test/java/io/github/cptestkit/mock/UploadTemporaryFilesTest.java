package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary files of upload bodies (bodies past 1 MiB spill to disk as they arrive) go, whatever becomes of the
 * upload: answered, cut off by the client after its last byte, or still arriving when the mock stops (read
 * asynchronously, never dispatched). The mock runs in a JVM of its own whose temporary directory is the test's, so
 * that what is left there once it exited is what it leaked.
 */
class UploadTemporaryFilesTest {

    private static final int DECLARED = 8 << 20;
    private static final String BODY_FILE_PREFIX = "cptestkit-body-";

    @Test
    void noUploadBodyFileOutlivesTheMockWhetherTheUploadWasAnsweredCutOffOrStillArriving(@TempDir Path tmp)
            throws Exception {
        try (ChildJvm mock = ChildJvm.start(List.of("-Djava.io.tmpdir=" + tmp), HeapProbe.class)) {
            URI endpoint = URI.create(mock.awaitLine(line -> line.startsWith("ENDPOINT "), Duration.ofSeconds(90))
                    .substring("ENDPOINT ".length()));
            List<Socket> open = new ArrayList<>();
            try {
                // Answered: the whole body, then the answer (the bucket refuses the made-up signature).
                try (Socket answered = upload(endpoint, DECLARED)) {
                    assertThat(new String(answered.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                            .startsWith("HTTP/1.1 ");
                }
                // Cut off: the whole body, then a reset instead of waiting for the answer.
                Socket cut = upload(endpoint, DECLARED);
                cut.setSoLinger(true, 0);
                cut.close();
                // Still arriving: half the body, then the client waits while the mock stops.
                open.add(upload(endpoint, DECLARED / 2));

                mock.endInput(); // the mock stops, the JVM exits
                assertThat(mock.awaitExit(Duration.ofSeconds(60))).as(mock.stderr()).isZero();
            } finally {
                for (Socket socket : open) {
                    socket.close();
                }
            }
            assertThat(bodyFiles(tmp)).as("upload bodies left in the mock's temporary directory").isEmpty();
        }
    }

    /** A PutObject that declares {@value #DECLARED} bytes and sends {@code sent} of them. */
    private static Socket upload(URI endpoint, int sent) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("PUT /some-bucket/some-key HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host, Signature=0000\r\nx-amz-date: 20260101T000000Z\r\n"
                + "x-amz-content-sha256: UNSIGNED-PAYLOAD\r\nContent-Length: " + DECLARED + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        for (int written = 0; written < sent; written += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, sent - written));
        }
        out.flush();
        return socket;
    }

    private static List<Path> bodyFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(BODY_FILE_PREFIX)).toList();
        }
    }
}
