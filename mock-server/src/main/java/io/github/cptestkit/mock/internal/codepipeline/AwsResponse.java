package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.mock.internal.server.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An answer of the AWS JSON 1.1 edge, independent of the HTTP server that sends it.
 *
 * <pre>{@code
 * AwsResponse answer = protocol.answer("CodePipeline_20150709.PollForJobs", body);
 * answer.status();                       // 200
 * answer.headers().get("x-amzn-RequestId");
 * }</pre>
 *
 * @param status  the HTTP status
 * @param headers the response headers (content type, request id, error type)
 * @param body    the JSON body
 */
public record AwsResponse(int status, Map<String, String> headers, String body) {
    public AwsResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The answer as the mock's server sends it. */
    public Answer toAnswer() {
        return Answer.of(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
