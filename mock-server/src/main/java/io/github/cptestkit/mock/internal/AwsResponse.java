package io.github.cptestkit.mock.internal;

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
}
