package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stopping a mock, the library's or the standalone one, leaves nothing behind: no thread it started, its port free
 * to bind again, no temporary file of its artifact bucket. The standalone one's test is the standalone module's
 * {@code StandaloneShutdownTest}, on the checks here.
 */
public class ShutdownTest {

    /** Threads the JVM or the SDK's HTTP clients share for the whole process, whoever started them. */
    static final Pattern PROCESS_WIDE = Pattern.compile("Keep-Alive-(Timer|SocketCleaner)|idle-connection-reaper"
            + "|ForkJoinPool\\.commonPool-worker-\\d+|Common-Cleaner|process reaper|Attach Listener|sdk-async.*"
            + "|java-sdk-progress-listener-callback-thread");
    static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void aStoppedLibraryMockLeavesNoThreadPortOrTemporaryFile() throws Exception {
        Set<Thread> threadsBefore = threads();
        Set<Path> spillsBefore = spillDirectories();
        int port;
        try (CodePipelineMock mock = CodePipelineMock.builder().artifactSpillThreshold(0).build().start()) {
            port = mock.port();
            work(mock);
            assertThat(spillDirectories()).as("the artifact bucket spilled to a temporary directory")
                    .hasSizeGreaterThan(spillsBefore.size());
        }
        assertNothingLeft(threadsBefore, spillsBefore, port);
    }

    /** Calls, and an upload that the bucket keeps in a temporary file. */
    public static void work(CodePipelineMock mock) {
        FakeCustomJob job = FakeJobs.withSeed(71).custom().preset(Preset.BUILD_WITH_SOURCE_ZIP).build();
        mock.enqueue(job);
        try (CodePipelineClient client = SdkClients.oneAttempt(mock);
                S3Client s3 = SdkClients.s3(mock, software.amazon.awssdk.services.codepipeline.model
                        .AWSSessionCredentials.builder().accessKeyId(job.job().data().artifactCredentials()
                                .accessKeyId()).secretAccessKey(job.job().data().artifactCredentials()
                                .secretAccessKey()).sessionToken(job.job().data().artifactCredentials()
                                .sessionToken()).build())) {
            client.getJobDetails(r -> r.jobId(job.jobId()));
            S3ArtifactLocation output = job.job().data().outputArtifacts().get(0).location().s3Location();
            s3.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey()), RequestBody.fromString("out"));
        }
    }

    public static void assertNothingLeft(Set<Thread> before, Set<Path> spillsBefore, int port) throws Exception {
        assertThat(leftOver(before)).as("threads still alive after the mock stopped").isEmpty();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        // only directories this test made count: other JVMs on the machine make and delete their own meanwhile
        assertThat(spillDirectories()).as("temporary directories of the artifact bucket made by this test")
                .isSubsetOf(spillsBefore);
    }

    public static Set<Thread> threads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads started since {@code before} and still alive, each given up to 5 s to end first. */
    public static List<String> leftOver(Set<Thread> before) throws InterruptedException {
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && !PROCESS_WIDE.matcher(thread.getName()).matches())
                .toList();
        for (Thread thread : started) {
            thread.join(5_000);
        }
        return started.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    public static Set<Path> spillDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(TEMP)) {
            return new HashSet<>(entries.filter(path -> path.getFileName().toString().startsWith("cptestkit-s3-"))
                    .toList());
        }
    }
}
