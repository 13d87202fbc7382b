package io.github.cptestkit.mock.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.cptestkit.mock.PipelineFixtures;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda handlers of a Lambda invoke action, as a user writes them: each reads its job from the
 * {@code CodePipeline.job} event and reports to CodePipeline with the SDK's default configuration (endpoint,
 * region and credentials from the environment Lambda sets), or does not. RuntimeInterfaceClientTest (and, as a
 * pipeline's Lambda invoke action, junit-extension's PipelineLambdaRuntimeTest) runs them with the Java runtime
 * interface client in a JVM of their own.
 *
 * <pre>{@code JavaRuntimeProcess.start(mock, "Deploy", PipelineHandlers.Succeeds.class, workDir);}</pre>
 */
public final class PipelineHandlers {

    private PipelineHandlers() {}

    /**
     * The pipeline these handlers serve as its Lambda invoke action: stage Source (S3, namespace SourceVariables,
     * output SourceArtifact), then stage Release with action Notes invoking {@code functionName} with
     * {@code UserParameters} {@code release=#{SourceVariables.ETag}} (namespace NotesVariables); add later stages to
     * the builder.
     */
    public static PipelineDeclaration.Builder pipeline(String name, String functionName) {
        return PipelineFixtures.withS3Source(name)
                .stage(StageDeclaration.of("Release", ActionDeclaration.of("Notes",
                                new ActionTypeId(ActionCategory.INVOKE, ActionOwner.AWS, "Lambda", "1"))
                        .withConfiguration(Map.of("FunctionName", functionName,
                                "UserParameters", "release=#{SourceVariables.ETag}"))
                        .withInputArtifacts("SourceArtifact").withNamespace("NotesVariables")));
    }

    static CodePipelineClient codePipeline() {
        return CodePipelineClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** An S3 client on the job's artifact credentials (endpoint and region from the environment). */
    @SuppressWarnings("unchecked")
    static S3Client s3(Map<String, Object> event) {
        Map<String, Object> credentials = (Map<String, Object>) data(event).get("artifactCredentials");
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        (String) credentials.get("accessKeyId"), (String) credentials.get("secretAccessKey"),
                        (String) credentials.get("sessionToken"))))
                .build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> event) {
        return (Map<String, Object>) event.get("CodePipeline.job");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) job(event).get("data");
    }

    static String jobId(Map<String, Object> event) {
        return (String) job(event).get("id");
    }

    @SuppressWarnings("unchecked")
    static String continuationToken(Map<String, Object> event) {
        return (String) data(event).get("continuationToken");
    }

    /** The action's {@code UserParameters}, as the event carries them (references resolved). */
    @SuppressWarnings("unchecked")
    static String userParameters(Map<String, Object> event) {
        Map<String, Object> action = (Map<String, Object>) data(event).get("actionConfiguration");
        return (String) ((Map<String, Object>) action.get("configuration")).get("UserParameters");
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

    /**
     * Reads its action's {@code UserParameters} ({@code release=<tag>}) and its first input artifact (with the job's
     * own credentials, as the event carries them), and reports success with the tag, its function's name and the
     * artifact's size as output variables, and a summary.
     */
    public static final class Releases implements RequestHandler<Map<String, Object>, String> {
        @Override
        @SuppressWarnings("unchecked")
        public String handleRequest(Map<String, Object> event, Context context) {
            String parameters = userParameters(event);
            if (parameters == null || !parameters.startsWith("release=")) {
                throw new IllegalArgumentException("UserParameters must be release=<tag>, but was " + parameters);
            }
            String tag = parameters.substring("release=".length());
            int inputBytes;
            try (S3Client s3 = s3(event)) {
                Map<String, Object> location = (Map<String, Object>) ((Map<String, Object>) ((List<Object>)
                        data(event).get("inputArtifacts")).get(0)).get("location");
                Map<String, Object> object = (Map<String, Object>) location.get("s3Location");
                inputBytes = s3.getObjectAsBytes(r -> r.bucket((String) object.get("bucketName"))
                        .key((String) object.get("objectKey"))).asByteArray().length;
            }
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobSuccessResult(r -> r.jobId(jobId(event))
                        .executionDetails(d -> d.summary("released " + tag).externalExecutionId(
                                context.getAwsRequestId()))
                        .outputVariables(Map.of("ReleaseTag", tag, "Function", context.getFunctionName(),
                                "InputBytes", Integer.toString(inputBytes))));
            }
            return "released " + tag;
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
