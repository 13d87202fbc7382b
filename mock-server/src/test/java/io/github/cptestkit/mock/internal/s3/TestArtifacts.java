package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactLocation;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The artifact store's tests need what FakeJobs cannot make: several jobs in one bucket, with output keys the tests
 * name. {@link #job} takes a FakeJobs job (ids, credentials, source zip) and moves its artifacts there.
 */
final class TestArtifacts {

    static final String BUCKET = "codepipeline-us-east-1-123456789012";
    static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String KMS_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

    private TestArtifacts() {}

    /**
     * FakeJobs' Build job with a source zip (seeded by {@code name}), its one input moved to
     * {@code payments/SourceArti/<name>-in.zip} and its outputs to {@code outputKeys}, all in {@link #BUCKET}, with
     * {@code key} as its encryptionKey.
     */
    static FakeThirdPartyJob job(String name, EncryptionKey key, List<String> outputKeys) {
        FakeThirdPartyJob generated = FakeJobs.withSeed(name.hashCode()).thirdParty()
                .preset(Preset.BUILD_WITH_SOURCE_ZIP).build();
        JobData data = generated.details().data();
        Artifact source = data.inputArtifacts().get(0);
        S3ArtifactLocation input = new S3ArtifactLocation(BUCKET, "payments/SourceArti/" + name + "-in.zip");
        List<Artifact> outputs = IntStream.range(0, outputKeys.size())
                .mapToObj(i -> new Artifact("BuildArtifact" + i, null, ArtifactLocation.s3(BUCKET, outputKeys.get(i))))
                .toList();
        JobData moved = new JobData(data.actionTypeId(), data.actionConfiguration(), data.pipelineContext(),
                List.of(new Artifact(source.name(), source.revision(), ArtifactLocation.s3(BUCKET,
                        input.objectKey()))), outputs, data.artifactCredentials(), null, key);
        return new FakeThirdPartyJob(generated.clientId(), generated.clientToken(), new ThirdPartyJobDetails(
                generated.jobId(), moved, generated.details().nonce()),
                List.of(new ArtifactObject(input, generated.artifacts().get(0).content())));
    }

    static String inputKey(FakeThirdPartyJob job) {
        return job.details().data().inputArtifacts().get(0).location().s3Location().objectKey();
    }

    static AwsSessionCredentials credentials(FakeThirdPartyJob job) {
        return job.details().data().artifactCredentials();
    }
}
