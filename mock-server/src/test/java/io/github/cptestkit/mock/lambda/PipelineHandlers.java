package io.github.cptestkit.mock.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;

/**
 * Lambda handlers of a Lambda invoke action, as a user writes them: each reads its job from the
 * {@code CodePipeline.job} event and reports to CodePipeline with the SDK's default configuration (endpoint,
 * region and credentials from the environment Lambda sets), or does not. RuntimeInterfaceClientTest runs them with
 * the Java runtime interface client in a JVM of their own.
 */
public final class PipelineHandlers {

    private PipelineHandlers() {}

    static CodePipelineClient codePipeline() {
        return CodePipelineClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> event) {
        return (Map<String, Object>) event.get("CodePipeline.job");
    }

    static String jobId(Map<String, Object> event) {
        return (String) job(event).get("id");
    }

    @SuppressWarnings("unchecked")
    static String continuationToken(Map<String, Object> event) {
        return (String) ((Map<String, Object>) job(event).get("data")).get("continuationToken");
    }

    /** Reports success, with its function's name and request id as output variables. */
    public static final class Succeeds implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobSuccessResult(r -> r.jobId(jobId(event)).outputVariables(Map.of(
                        "function", context.getFunctionName(), "requestId", context.getAwsRequestId(),
                        "remainingPositive", Boolean.toString(context.getRemainingTimeInMillis() > 0))));
            }
            context.getLogger().log("reported success of job " + jobId(event));
            return "succeeded";
        }
    }

    /** Reports failure. */
    public static final class Fails implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobFailureResult(r -> r.jobId(jobId(event)).failureDetails(f -> f
                        .type(FailureType.JOB_FAILED).message("the smoke test failed")));
            }
            return "failed";
        }
    }

    /** Throws without reporting. */
    public static final class Throws implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("no input artifact named BuildOutput");
        }
    }

    /** Continues twice (tokens step-1, step-2), then succeeds. */
    public static final class Continues implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            String token = continuationToken(event);
            String next = token == null ? "step-1" : token.equals("step-1") ? "step-2" : null;
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobSuccessResult(r -> r.jobId(jobId(event)).continuationToken(next));
            }
            return next == null ? "done" : next;
        }
    }

    /** Returns without reporting anything to CodePipeline. */
    public static final class NeverReports implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return "forgot to report";
        }
    }

    /**
     * Cannot be initialised: its static initializer throws, which the Java runtime interface client reports to
     * {@code /runtime/init/error} before it exits (a class without a handler method is instead reported as each
     * invocation's error).
     */
    public static final class FailsToInitialise implements RequestHandler<Map<String, Object>, String> {
        static final String REGION = requireRegion();

        static String requireRegion() {
            throw new IllegalStateException("no DEPLOY_REGION configured");
        }

        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return REGION;
        }
    }
}
