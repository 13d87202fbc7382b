package io.github.cptestkit.mock.internal.executions;

import io.github.cptestkit.mock.executions.ExecutionStart.SourceRevisionOverride;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a simulated source action produces: the artifact's bytes, its revision and its provider's output variables
 * (the variables reference's names: S3 {@code ETag}, {@code VersionId}; CodeCommit {@code CommitId},
 * {@code BranchName}, ...). An S3 source whose configured object is in the mock's bucket produces a copy of that
 * object (copied within the bucket when the action runs, never read into the heap; its {@code ETag} is the
 * object's); any other source produces a small fake zip. Revisions are derived from the execution, so a run is repeatable.
 *
 * <pre>{@code
 * SimulatedSource.Produced produced = SimulatedSource.produce("S3", configuration, override, backend, executionId,
 *         accountId, region, now);
 * produced.variables().get("ETag");
 * }</pre>
 *
 * @param provider the source provider (S3, CodeCommit, ...)
 */
record SimulatedSource(String provider) {

    /**
     * What the source produced.
     *
     * @param content          the artifact's bytes, or {@code null} when it is a copy of {@code copyOf}
     * @param copyOf           the object of the mock's bucket the artifact is a copy of, or {@code null}
     * @param revision         its revision (S3 version id, commit id, image digest)
     * @param changeIdentifier what identifies the change (an S3 ETag), or {@code null}
     * @param summary          the revision's summary
     * @param variables        the provider's output variables
     */
    record Produced(byte[] content, S3ArtifactLocation copyOf, String revision, String changeIdentifier,
            String summary, Map<String, String> variables) {}

    static final String COMMIT_MESSAGE = "Commit simulated by codepipeline-testkit";

    Produced produce(Map<String, String> configuration, Optional<SourceRevisionOverride> override,
            ExecutionBackend backend, String seed, String accountId, String region, Instant now) {
        Map<String, String> variables = new LinkedHashMap<>();
        String overridden = override.map(SourceRevisionOverride::revisionValue).orElse(null);
        String commitId = overridden != null ? overridden : hex("SHA-1", seed).substring(0, 40);
        switch (provider) {
            case "S3" -> {
                String key = override.filter(o -> o.revisionType().equals("S3_OBJECT_KEY"))
                        .map(SourceRevisionOverride::revisionValue).orElse(configuration.get("S3ObjectKey"));
                String bucket = configuration.get("S3Bucket");
                S3ArtifactLocation object = bucket == null || key == null ? null : new S3ArtifactLocation(bucket, key);
                String etag = object == null ? null : backend.objectETag(object).orElse(null);
                byte[] content = null;
                if (etag == null) {
                    object = null;
                    content = fakeZip("Source object s3://" + bucket + "/" + key + ", simulated: it was not in the"
                            + " mock's bucket.\n");
                    etag = hex("MD5", content);
                }
                String versionId = override.filter(o -> o.revisionType().equals("S3_OBJECT_VERSION_ID"))
                        .map(SourceRevisionOverride::revisionValue).orElse(hex("SHA-256", seed).substring(0, 32));
                variables.put("ETag", etag);
                variables.put("VersionId", versionId);
                return new Produced(content, object, versionId, etag, "Amazon S3 version id: " + versionId,
                        variables);
            }
            case "CodeCommit", "CodeStarSourceConnection", "GitHub" -> {
                variables.put("AuthorDate", now.toString());
                variables.put("BranchName", configuration.getOrDefault(provider.equals("GitHub") ? "Branch"
                        : "BranchName", "main"));
                variables.put("CommitId", commitId);
                variables.put("CommitMessage", COMMIT_MESSAGE);
                switch (provider) {
                    case "CodeCommit" -> {
                        variables.put("CommitterDate", now.toString());
                        variables.put("RepositoryName", configuration.getOrDefault("RepositoryName", ""));
                    }
                    case "CodeStarSourceConnection" -> {
                        variables.put("ConnectionArn", configuration.getOrDefault("ConnectionArn", ""));
                        variables.put("FullRepositoryName", configuration.getOrDefault("FullRepositoryId", ""));
                    }
                    default -> {
                        variables.put("CommitterDate", now.toString());
                        variables.put("CommitUrl", "https://github.com/" + configuration.getOrDefault("Owner", "")
                                + "/" + configuration.getOrDefault("Repo", "") + "/commit/" + commitId);
                        variables.put("RepositoryName", configuration.getOrDefault("Repo", ""));
                    }
                }
                return new Produced(fakeZip("Commit " + commitId + ", simulated.\n"), null, commitId, null,
                        COMMIT_MESSAGE, variables);
            }
            case "ECR" -> {
                String repository = configuration.getOrDefault("RepositoryName", "");
                String tag = configuration.getOrDefault("ImageTag", "latest");
                String digest = overridden != null ? overridden : "sha256:" + hex("SHA-256", seed);
                variables.put("RegistryId", accountId);
                variables.put("RepositoryName", repository);
                variables.put("ImageTag", tag);
                variables.put("ImageDigest", digest);
                variables.put("ImageURI", accountId + ".dkr.ecr." + region + ".amazonaws.com/" + repository + ":"
                        + tag);
                String imageDetail = "{\"ImageURI\":\"" + variables.get("ImageURI") + "\"}";
                return new Produced(zip("imageDetail.json", imageDetail), null, digest, null, "Image " + digest,
                        variables);
            }
            default -> {
                return new Produced(fakeZip("Source of provider " + provider + ", simulated.\n"), null, commitId, null,
                        "Simulated revision", variables);
            }
        }
    }

    static byte[] fakeZip(String readme) {
        return zip("README.md", readme);
    }

    private static byte[] zip(String entry, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry zipEntry = new ZipEntry(entry);
            zipEntry.setTime(0);
            zip.putNextEntry(zipEntry);
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String hex(String algorithm, String text) {
        return hex(algorithm, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a standard algorithm of every JVM", e);
        }
    }
}
