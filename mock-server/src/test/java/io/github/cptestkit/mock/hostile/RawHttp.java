package io.github.cptestkit.mock.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests as bytes go on the wire: through {@code java.net.http} (keep-alive, for the many well-framed
 * hostile requests) or over a plain socket (for what that client refuses to send: a declared Content-Length that
 * is a lie, bodies that never finish, malformed HTTP). Counts every request it sends.
 *
 * <pre>{@code
 * RawHttp http = new RawHttp(mock.endpoint());
 * RawHttp.Answer answer = http.send("POST", "/", Map.of("X-Amz-Target", target), body);
 * }</pre>
 */
final class RawHttp {

    /** One answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sent = new AtomicLong();

    RawHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** How many requests this sender has sent. */
    long sent() {
        return sent.get();
    }

    /** A well-framed request; {@code headers} must not name the ones java.net.http sets itself. */
    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        sent.incrementAndGet();
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> lower = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
            return new Answer(response.statusCode(), lower, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code head} (request line and headers, CRLF-terminated, the blank line included) and {@code body}
     * on a new connection, then reads the answer until the server closes it or the declared length is read.
     */
    Answer sendRaw(String head, byte[] body) {
        sent.incrementAndGet();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException serverStoppedReading) {
                // a server that refuses a body may answer and close before it is all written: read its answer
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("the raw request " + head.lines().findFirst().orElse("") + " got no"
                    + " answer", e);
        }
    }

    /** A connection to the mock, with a read timeout so that a test never hangs. */
    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    /**
     * Reads one HTTP/1.1 answer: status line, headers, then a body of Content-Length or chunked; interim answers
     * ({@code 100 Continue}) are skipped.
     */
    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        if (status >= 100 && status < 200) {
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                // an interim answer's headers
            }
            return read(in);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.get(0))));
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
