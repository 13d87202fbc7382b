package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone mock's security options: by default no web page, no other host name and no proxy stub over HTTP;
 * {@code --allow-origin}, {@code --allow-host} and {@code --allow-proxy} open exactly what they name.
 */
class SecurityOptionsTest {

    static final String PAGE = "http://localhost:3000";
    static final String PROXY_STUB = "{\"request\": {\"urlPath\": \"/through\"}, \"response\": {\"proxyBaseUrl\":"
            + " \"http://127.0.0.1:9\"}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MockServerCommand command;

    @AfterEach
    void stop() {
        if (command != null && command.running() != null) {
            command.running().close();
        }
    }

    private URI start(String... args) {
        command = new MockServerCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(command.execute(args)).isZero();
        return command.running().endpoint();
    }

    private HttpResponse<String> send(URI endpoint, String method, String path, String origin, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status line of a GET naming the mock by {@code host}. */
    private static String statusWithHost(URI endpoint, String host) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /__admin/codepipeline/jobs HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void byDefaultNoWebPageNoOtherHostNameAndNoProxyStubButCurlIsServed() {
        URI endpoint = start("--port", "0");

        assertThat(send(endpoint, "GET", "/__admin/codepipeline/jobs", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = send(endpoint, "GET", "/__admin/codepipeline/jobs", PAGE, null);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(page.body()).contains("--allow-origin http://localhost:3000");
        assertThat(statusWithHost(endpoint, "mock:" + endpoint.getPort())).contains(" 403 ");
        HttpResponse<String> proxy = send(endpoint, "POST", "/__admin/mappings", null, PROXY_STUB);
        assertThat(proxy.statusCode()).isEqualTo(403);
        assertThat(proxy.body()).contains("--allow-proxy");
    }

    @Test
    void theAllowOptionsOpenWhatTheyName() {
        URI endpoint = start("--port", "0", "--allow-origin", PAGE, "--allow-origin", "http://127.0.0.1:5173",
                "--allow-host", "mock", "--allow-proxy");

        HttpResponse<String> page = send(endpoint, "GET", "/__admin/codepipeline/jobs", PAGE, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
        assertThat(send(endpoint, "GET", "/__admin/codepipeline/jobs", "http://127.0.0.1:5173", null).statusCode())
                .isEqualTo(200);
        assertThat(send(endpoint, "GET", "/__admin/codepipeline/jobs", "http://evil.example", null).statusCode())
                .isEqualTo(403);
        assertThat(statusWithHost(endpoint, "mock:" + endpoint.getPort())).contains(" 200 ");
        assertThat(statusWithHost(endpoint, "other:" + endpoint.getPort())).contains(" 403 ");
        assertThat(send(endpoint, "POST", "/__admin/mappings", null, PROXY_STUB).statusCode()).isEqualTo(201);
    }
}
