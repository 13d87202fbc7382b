package io.github.cptestkit.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.WireJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request the mock served, oldest first, one line each: the CodePipeline operation and the job it names, or
 * the S3 method and path, then the answer's status and error. Read from the mock's request journal (the WireMock
 * escape hatch). Credentials, signatures, client tokens, nonces and bodies are never shown; query strings (which
 * carry presigned credentials) are cut.
 *
 * <pre>{@code
 * 1. PollForThirdPartyJobs -> 200, 1 job
 * 2. GetThirdPartyJobDetails job 5b1f0c4e-... -> 200
 * 3. GET /codepipeline-us-east-1-123456789012/reports/SourceOutp/Ab3dE9x -> 403 AccessDenied
 * }</pre>
 */
public final class CallJournal {

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final Pattern S3_ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");

    private CallJournal() {}

    /** The lines, oldest first; one line saying why when the journal cannot be read. */
    public static List<String> lines(CodePipelineMock mock) {
        List<ServeEvent> events;
        try {
            events = new ArrayList<>(mock.wireMock().getAllServeEvents());
        } catch (RuntimeException e) {
            return List.of("(the mock's request journal is not available: " + e.getClass().getSimpleName() + ")");
        }
        events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        List<String> lines = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            lines.add((i + 1) + ". " + line(events.get(i)));
        }
        return lines;
    }

    private static String line(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String target = request.getHeader("X-Amz-Target");
        String call;
        JsonNode body = null;
        if (target != null) {
            Optional<Operation> operation = Operation.fromTarget(target);
            body = parse(request.getBodyAsString());
            String jobId = body == null ? null : body.path("jobId").asText(null);
            call = operation.map(Operation::operationName).orElse("unknown target " + shorten(target))
                    + (jobId == null ? "" : " job " + shorten(jobId));
        } else {
            String url = request.getUrl();
            int query = url.indexOf('?');
            call = request.getMethod().getName() + " " + (query < 0 ? url : url.substring(0, query));
        }
        return call + " -> " + answer(event.getResponse(), target != null);
    }

    private static String answer(LoggedResponse response, boolean codePipeline) {
        if (response == null) {
            return "no answer";
        }
        if (response.getFault() != null) {
            return "socket fault " + response.getFault();
        }
        StringBuilder answer = new StringBuilder(Integer.toString(response.getStatus()));
        if (codePipeline) {
            com.github.tomakehurst.wiremock.http.HttpHeader error = response.getHeaders().getHeader("x-amzn-ErrorType");
            if (error.isPresent()) {
                answer.append(' ').append(error.firstValue());
            } else {
                JsonNode body = parse(response.getBodyAsString());
                if (body != null && body.path("jobs").isArray()) {
                    int jobs = body.path("jobs").size();
                    answer.append(", ").append(jobs).append(jobs == 1 ? " job" : " jobs");
                }
            }
        } else if (response.getStatus() >= 300) {
            Matcher code = S3_ERROR_CODE.matcher(response.getBodyAsString());
            if (code.find()) {
                answer.append(' ').append(code.group(1));
            }
        }
        return answer.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
