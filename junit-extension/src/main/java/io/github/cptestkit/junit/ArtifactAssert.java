package io.github.cptestkit.junit;

import io.github.cptestkit.mock.s3.StoredArtifact;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an artifact stored in the mock's artifact bucket, typically an output a worker uploaded: its zip
 * entries and its encryption. The artifact's bytes are in the test's heap ({@link StoredArtifact}); the entry
 * assertions keep no entry's content but the one they read.
 *
 * <pre>{@code
 * assertThat(mock).job(jobId).outputArtifact()
 *         .hasEntries("report.json", "report.txt")
 *         .hasEntryContaining("report.txt", "lines")
 *         .isKmsEncryptedWith(keyArn);
 * }</pre>
 */
public class ArtifactAssert extends AbstractAssert<ArtifactAssert, StoredArtifact> {

    /**
     * An assertion on {@code actual}.
     *
     * @param actual the stored object; null fails every assertion
     */
    protected ArtifactAssert(StoredArtifact actual) {
        super(actual, ArtifactAssert.class);
    }

    /**
     * The artifact is a zip whose files are exactly these (in any order).
     *
     * @param names every entry's path inside the zip, e.g. {@code "reports/report.json"}; none for an empty zip
     * @return this assertion
     */
    public ArtifactAssert hasEntries(String... names) {
        isNotNull();
        List<String> entries = actual.zipEntryNames();
        if (!new HashSet<>(entries).equals(new HashSet<>(Arrays.asList(names)))) {
            fail("to hold exactly the entries " + Arrays.asList(names) + ", but it holds " + entries);
        }
        return this;
    }

    /**
     * The artifact is a zip with the entry {@code name}, whose UTF-8 text contains {@code text}.
     *
     * @param name the entry's path inside the zip
     * @param text a part of the entry's text, matched case-sensitively
     * @return this assertion
     */
    public ArtifactAssert hasEntryContaining(String name, String text) {
        isNotNull();
        List<String> entries = actual.zipEntryNames();
        if (!entries.contains(name)) {
            fail("to hold the entry " + name + ", but it holds " + entries);
        }
        String content = actual.zipEntryText(name);
        if (!content.contains(text)) {
            fail("to hold an entry " + name + " containing \"" + text + "\", but the entry reads:"
                    + System.lineSeparator() + content);
        }
        return this;
    }

    /**
     * The artifact was uploaded with SSE-KMS and the key {@code kmsKeyId}.
     *
     * @param kmsKeyId the key id the upload named, exactly as the job's encryption key gave it (an ARN or a key id)
     * @return this assertion
     */
    public ArtifactAssert isKmsEncryptedWith(String kmsKeyId) {
        isNotNull();
        if (!"aws:kms".equals(actual.serverSideEncryption()) || !actual.kmsKeyId().equals(Optional.of(kmsKeyId))) {
            fail("to be encrypted with SSE-KMS and the key " + kmsKeyId + ", but it is encrypted with "
                    + encryption());
        }
        return this;
    }

    /**
     * The artifact was not uploaded with SSE-KMS.
     *
     * @return this assertion
     */
    public ArtifactAssert isNotKmsEncrypted() {
        isNotNull();
        if ("aws:kms".equals(actual.serverSideEncryption())) {
            fail("not to be encrypted with SSE-KMS, but it is encrypted with " + encryption());
        }
        return this;
    }

    private String encryption() {
        return actual.serverSideEncryption() + actual.kmsKeyId().map(id -> " and the key " + id).orElse("");
    }

    private void fail(String expectation) {
        failWithMessage("%s", "Expecting artifact s3://" + actual.bucket() + "/" + actual.key() + " " + expectation
                + ".");
    }
}
