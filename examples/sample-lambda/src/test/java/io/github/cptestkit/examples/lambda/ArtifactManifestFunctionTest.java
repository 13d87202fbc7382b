package io.github.cptestkit.examples.lambda;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FakeLambdaJob;
import io.github.cptestkit.junit.LambdaHarness;
import io.github.cptestkit.junit.LambdaJob;
import io.github.cptestkit.junit.LambdaRun;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.wire.ArtifactObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.FailureType;

/**
 * The function runs unchanged on the mock's Lambda invoke jobs: the harness hands it each job's event as Lambda does,
 * with the SDK's default endpoints pointed at the mock, and the job ends as the function reported. The class is
 * passed, not an instance, so that the function's CodePipeline client is built inside the call, as in Lambda.
 */
@CodePipelineMockTest
class ArtifactManifestFunctionTest {

    // region lambda-job
    @Test
    void listsTheFilesOfItsInputArtifactInItsOutputArtifactAndSucceeds(LambdaHarness lambda, CodePipelineMock mock,
            @LambdaJob(function = "ArtifactManifest", inputArtifacts = 1, outputArtifacts = 1) FakeLambdaJob job)
            throws IOException {
        ArtifactObject input = job.job().artifacts().get(0);
        int files = 0;
        String firstFile = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(input.content()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    firstFile = firstFile == null ? entry.getName() : firstFile;
                    files++;
                }
            }
        }

        LambdaRun run = lambda.invoke(job, ArtifactManifestFunction.class);

        assertThat(run.thrown()).isNull();
        assertThat(run.outputText()).isEqualTo("\"listed " + files + " files\"");
        assertThat(mock).job(job.jobId()).succeeded().hasOutputVariable("fileCount", Integer.toString(files))
                .outputArtifact().hasEntryContaining("manifest.txt", " " + firstFile + "\n");
    }
    // endregion

    @Test
    void anActionWithoutAnOutputArtifactIsAConfigurationError(LambdaHarness lambda, CodePipelineMock mock,
            @LambdaJob(function = "ArtifactManifest", inputArtifacts = 1, outputArtifacts = 0) FakeLambdaJob job) {
        lambda.invoke(job, ArtifactManifestFunction.class);

        assertThat(mock).job(job.jobId()).failed().hasFailureType(FailureType.CONFIGURATION_ERROR)
                .hasFailureMessageContaining("has 1 and 0");
    }
}
