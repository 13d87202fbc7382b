package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import io.github.cptestkit.mock.s3.StoredArtifact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The artifact assertions pass on the entries they name and fail naming the entries the artifact holds. */
class ArtifactAssertTest {

    private static final String N = System.lineSeparator();

    @Test
    void theEntryAssertionsPassOnTheArtifactsEntriesInAnyOrderDirectoriesLeftOut() throws IOException {
        StoredArtifact artifact = artifact(zip());

        assertThat(artifact).hasEntries("report.txt", "report.json")
                .hasEntryContaining("report.txt", "42 lines")
                .hasEntryContaining("report.json", "\"ok\"");
    }

    @Test
    void theEntryAssertionsFailNamingTheEntriesItHoldsOrTheTextTheEntryReads() throws IOException {
        StoredArtifact artifact = artifact(zip());

        assertThatThrownBy(() -> assertThat(artifact).hasEntries("report.txt")).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting artifact s3://bucket/key to hold exactly the entries [report.txt], but it"
                        + " holds [report.json, report.txt].");
        assertThatThrownBy(() -> assertThat(artifact).hasEntryContaining("summary.txt", "lines"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting artifact s3://bucket/key to hold the entry summary.txt, but it holds"
                        + " [report.json, report.txt].");
        assertThatThrownBy(() -> assertThat(artifact).hasEntryContaining("report.txt", "43 lines"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting artifact s3://bucket/key to hold an entry report.txt containing \"43 lines\","
                        + " but the entry reads:" + N + "42 lines.");
    }

    @Test
    void anArtifactThatIsNotAZipFailsTheEntryAssertionsSayingSo() {
        StoredArtifact artifact = artifact("not a zip".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> assertThat(artifact).hasEntries("report.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("artifact s3://bucket/key (9 bytes) is not a zip file: CodePipeline artifacts are zip"
                        + " files; upload one.");
    }

    private static StoredArtifact artifact(byte[] content) {
        return new StoredArtifact("bucket", "key", content, "\"etag\"", Instant.EPOCH, "application/zip", "aws:kms",
                Optional.of("key-arn"), Map.of());
    }

    /** report.json, a directory logs/, report.txt: each name to its text, a directory to null. */
    private static byte[] zip() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("report.json", "{\"ok\":true}");
        entries.put("logs/", null);
        entries.put("report.txt", "42 lines");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return out.toByteArray();
    }
}
