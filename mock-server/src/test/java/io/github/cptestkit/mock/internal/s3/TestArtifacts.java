package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.fixtures.Artifact;
import io.github.cptestkit.fixtures.ArtifactLocation;
import io.github.cptestkit.fixtures.ArtifactObject;
import io.github.cptestkit.fixtures.AwsSessionCredentials;
import io.github.cptestkit.fixtures.EncryptionKey;
import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.fixtures.JobData;
import io.github.cptestkit.fixtures.S3ArtifactLocation;
import io.github.cptestkit.fixtures.ThirdPartyJobDetails;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jobs with artifacts, and zip files, for the artifact store's tests. */
final class TestArtifacts {

    static final String BUCKET = "codepipeline-us-east-1-123456789012";
    static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String KMS_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

    private TestArtifacts() {}

    /** A third-party job with one input (seeded with a zip) and the given output keys, in {@link #BUCKET}. */
    static FakeThirdPartyJob job(String name, EncryptionKey key, List<String> outputKeys) {
        String jobId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        String inputKey = "payments/SourceArti/" + name + "-in.zip";
        Artifact input = new Artifact("SourceArtifact", "5d1c3f0b", ArtifactLocation.s3(BUCKET, inputKey));
        List<Artifact> outputs = outputKeys.stream()
                .map(key2 -> new Artifact("BuildArtifact", null, ArtifactLocation.s3(BUCKET, key2)))
                .toList();
        AwsSessionCredentials credentials = new AwsSessionCredentials("ASIA" + name.toUpperCase(java.util.Locale.ROOT).replace("-", ""),
                "secret-of-" + name, "session-token-of-" + name);
        JobData data = new JobData(null, null, null, List.of(input), outputs, credentials, null, key);
        byte[] zip = zip(Map.of("buildspec.yml", "version: 0.2\n", "src/App.java", "class App {}\n"));
        return new FakeThirdPartyJob(UUID.randomUUID().toString(), "client-token", new ThirdPartyJobDetails(jobId,
                data, "1"), List.of(new ArtifactObject(new S3ArtifactLocation(BUCKET, inputKey), zip)));
    }

    static String inputKey(FakeThirdPartyJob job) {
        return job.details().data().inputArtifacts().get(0).location().s3Location().objectKey();
    }

    static AwsSessionCredentials credentials(FakeThirdPartyJob job) {
        return job.details().data().artifactCredentials();
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
