package io.github.cptestkit.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The function of a CodePipeline Lambda invoke action, as a user writes it: it reads its job from the
 * {@code CodePipeline.job} event, downloads its first input artifact with the job's artifact credentials, writes a
 * manifest of the artifact's files ({@code manifest.txt}: one line "size path" per file, zipped) as its first output
 * artifact, and reports success with the file count as output variable {@code fileCount}; a job without an input
 * or an output artifact is a {@code ConfigurationError}, one whose input is not a zip a {@code JobFailed}. It uses
 * the SDK's default configuration (region, endpoint, the execution role's credentials for CodePipeline), as it
 * would in Lambda; only the artifact bucket takes the job's own credentials, as CodePipeline's guide says.
 *
 * <p>Handler string for Lambda: {@code io.github.cptestkit.examples.lambda.ArtifactManifestFunction::handleRequest}.
 *
 * <pre>{@code
 * LambdaRun run = lambda.invoke(job, ArtifactManifestFunction.class);   // in a test, with the toolkit's harness
 * }</pre>
 */
public final class ArtifactManifestFunction implements RequestHandler<Map<String, Object>, String> {

    private final CodePipelineClient codePipeline = CodePipelineClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> job = map(event.get("CodePipeline.job"));
        String jobId = (String) job.get("id");
        Map<String, Object> data = map(job.get("data"));
        List<Object> inputs = list(data.get("inputArtifacts"));
        List<Object> outputs = list(data.get("outputArtifacts"));
        if (inputs.isEmpty() || outputs.isEmpty()) {
            return fail(jobId, FailureType.CONFIGURATION_ERROR, "The action needs one input and one output"
                    + " artifact, but has " + inputs.size() + " and " + outputs.size() + "; add them to the action");
        }
        Map<String, Object> credentials = map(data.get("artifactCredentials"));
        try (S3Client s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        (String) credentials.get("accessKeyId"), (String) credentials.get("secretAccessKey"),
                        (String) credentials.get("sessionToken"))))
                .build()) {
            Map<String, Object> input = s3Location(inputs.get(0));
            byte[] zip = s3.getObjectAsBytes(r -> r.bucket((String) input.get("bucketName"))
                    .key((String) input.get("objectKey"))).asByteArray();
            StringBuilder manifest = new StringBuilder();
            int files;
            try {
                files = manifest(zip, manifest);
            } catch (IOException notAZip) {
                return fail(jobId, FailureType.JOB_FAILED, "Input artifact " + map(inputs.get(0)).get("name")
                        + " is not a zip: " + notAZip.getMessage());
            }
            Map<String, Object> output = s3Location(outputs.get(0));
            s3.putObject(r -> r.bucket((String) output.get("bucketName")).key((String) output.get("objectKey")),
                    RequestBody.fromBytes(zipOf("manifest.txt", manifest.toString())));
            codePipeline.putJobSuccessResult(r -> r.jobId(jobId)
                    .outputVariables(Map.of("fileCount", Integer.toString(files))));
            context.getLogger().log("job " + jobId + ": " + files + " files listed");
            return "listed " + files + " files";
        }
    }

    private String fail(String jobId, FailureType type, String message) {
        codePipeline.putJobFailureResult(r -> r.jobId(jobId).failureDetails(f -> f.type(type).message(message)));
        return message;
    }

    /** Lists the files of {@code zip} into {@code manifest}; answers how many. */
    private static int manifest(byte[] zip, StringBuilder manifest) throws IOException {
        int files = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    manifest.append(in.readAllBytes().length).append(' ').append(entry.getName()).append('\n');
                    files++;
                }
            }
        }
        if (files == 0 && zip.length > 0) {
            throw new IOException("no zip entries in " + zip.length + " bytes");
        }
        return files;
    }

    private static byte[] zipOf(String name, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> s3Location(Object artifact) {
        return map(map(map(artifact).get("location")).get("s3Location"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
