package io.github.cptestkit.mock.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class StoredArtifactTest {

    @Test
    void zipEntriesAreReadByNameInFileOrderWithoutDirectories() throws IOException {
        StoredArtifact artifact = artifact(zip());

        assertThat(artifact.zipEntries()).containsOnlyKeys("b.txt", "dir/a.txt");
        assertThat(artifact.zipEntries().keySet()).containsExactly("b.txt", "dir/a.txt");
        assertThat(artifact.zipEntryText("dir/a.txt")).isEqualTo("alpha");
        assertThat(artifact.zipEntryNames()).containsExactly("b.txt", "dir/a.txt");
    }

    @Test
    void aMissingEntryIsNamedWithTheEntriesThereAre() throws IOException {
        StoredArtifact artifact = artifact(zip());

        assertThatThrownBy(() -> artifact.zipEntryText("nope.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("artifact s3://bucket/key has no zip entry 'nope.txt'; its entries are [b.txt, dir/a.txt]");
    }

    @Test
    void bytesThatAreNotAZipAreSaidToBeNone() {
        StoredArtifact artifact = artifact("plain text".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(artifact::zipEntries).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s3://bucket/key").hasMessageContaining("not a zip file");
        assertThatThrownBy(artifact::zipEntryNames).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a zip file");
    }

    @Test
    void theContentCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2, 3};
        StoredArtifact artifact = artifact(bytes);

        bytes[0] = 9;
        artifact.content()[1] = 9;

        assertThat(artifact.content()).containsExactly(1, 2, 3);
    }

    private static StoredArtifact artifact(byte[] content) {
        return new StoredArtifact("bucket", "key", content, "\"etag\"", Instant.EPOCH, "application/zip", "AES256",
                Optional.empty(), Map.of());
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("b.txt"));
            zip.write("beta".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("dir/"));
            zip.putNextEntry(new ZipEntry("dir/a.txt"));
            zip.write("alpha".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
