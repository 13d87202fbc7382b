package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * When a test class ends, the extension's mock and clients are gone: no thread they started is alive, the port is
 * free, the artifact bucket's temporary files are deleted.
 */
class ShutdownTest {

    /** Threads the JVM or the HTTP clients share for the whole process, whoever started them. */
    static final Pattern PROCESS_WIDE = Pattern.compile("Keep-Alive-(Timer|SocketCleaner)|idle-connection-reaper"
            + "|ForkJoinPool\\.commonPool-worker-\\d+|Common-Cleaner|process reaper|Attach Listener|sdk-async.*");
    static final AtomicInteger PORT = new AtomicInteger();

    @ExtensionFixture
    static class UploadingFixture {
        @RegisterExtension
        static final CodePipelineMockExtension EXTENSION = CodePipelineMockExtension.builder()
                .configureMock(mock -> mock.artifactSpillThreshold(0)).build();

        @Test
        void uploads(CodePipelineMock mock, CodePipelineClient client, JobS3Clients s3,
                @FakeJob(preset = Preset.BUILD_WITH_SOURCE_ZIP) FakeCustomJob job) {
            PORT.set(mock.port());
            client.getJobDetails(r -> r.jobId(job.jobId()));
            var credentials = job.job().data().artifactCredentials();
            S3ArtifactLocation output = job.job().data().outputArtifacts().get(0).location().s3Location();
            try (S3Client bucket = s3.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                    credentials.secretAccessKey(), credentials.sessionToken()))) {
                bucket.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey()),
                        RequestBody.fromString("spilled to a temporary file"));
            }
            assertThat(mock.outputArtifact(job.jobId(), job.job().data().outputArtifacts().get(0).name()))
                    .isPresent();
        }
    }

    @Test
    void theExtensionLeavesNoThreadPortOrTemporaryFileOnceItsClassEnds() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Set<Path> spillsBefore = spillDirectories();

        Fixtures.run(UploadingFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && !PROCESS_WIDE.matcher(thread.getName()).matches())
                .toList();
        for (Thread thread : started) {
            thread.join(5_000); // a stopping thread gets a moment to end
        }
        assertThat(started.stream().filter(Thread::isAlive).map(Thread::getName)).as("threads still alive").isEmpty();
        try (ServerSocket again = new ServerSocket(PORT.get(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(PORT.get());
        }
        // only directories this test made count: other JVMs on the machine make and delete their own meanwhile
        assertThat(spillDirectories()).as("temporary directories of the artifact bucket made by this test")
                .isSubsetOf(spillsBefore);
    }

    static Set<Path> spillDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(entries.filter(path -> path.getFileName().toString().startsWith("cptestkit-s3-"))
                    .toList());
        }
    }
}
