package io.github.cptestkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer as the baselines replay it: status, the headers that matter to a client, body bytes. Read from
 * the emulator once, written to a file, served by L0 and L1 byte for byte.
 *
 * <pre>{@code
 * Answer answer = Answer.post(endpoint, "CodePipeline_20150709.GetThirdPartyJobDetails", body);
 * answer.write(Path.of("target/bench/details-answer.json"));
 * Answer same = Answer.read(Path.of("target/bench/details-answer.json"));
 * }</pre>
 *
 * @param status  HTTP status
 * @param headers Content-Type and x-amzn-RequestId (the baselines send a fixed request id)
 * @param body    the body bytes
 */
record Answer(int status, Map<String, String> headers, byte[] body) {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Sends one AWS JSON call and keeps what came back. */
    static Answer post(URI endpoint, String target, String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.headers().firstValue("Content-Type").orElse(CONTENT_TYPE));
        headers.put("x-amzn-RequestId", response.headers().firstValue("x-amzn-RequestId").orElse(""));
        return new Answer(response.statusCode(), headers, response.body());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    void write(Path file) {
        ObjectNode node = WireFormat.mapper().createObjectNode().put("status", status);
        headers.forEach(node.putObject("headers")::put);
        node.put("body", bodyText());
        try {
            Files.writeString(file, node.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer read(Path file) {
        try {
            JsonNode node = WireFormat.mapper().readTree(file.toFile());
            Map<String, String> headers = new LinkedHashMap<>();
            node.get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new Answer(node.get("status").asInt(), headers,
                    node.get("body").asText().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
