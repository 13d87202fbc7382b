package io.github.cptestkit.benchmarks;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionConfiguration;
import io.github.cptestkit.wire.ActionContext;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactLocation;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.PipelineContext;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.wire.StageContext;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The yardstick of fixture generation: a job of the same shape as a default {@code FakeJobs.thirdParty()} job (one
 * input artifact with a shared zip, one output artifact, configuration, credentials, a KMS key), drawn with nothing
 * but the JDK ({@link SplittableRandom} seeded by the index, string concatenation, a few fixed words). What the
 * fixtures add on top of this is their realism: Datafaker's vocabulary, per-section streams, limits.
 *
 * <pre>{@code
 * FakeThirdPartyJob job = PlainJobGenerator.job(7);
 * }</pre>
 */
final class PlainJobGenerator {

    private static final String[] WORDS = {"atlas", "beacon", "comet", "delta", "ember", "fjord", "glacier", "harbor"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"};
    private static final byte[] ZIP = new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0};
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private PlainJobGenerator() {}

    static FakeThirdPartyJob job(long index) {
        SplittableRandom random = new SplittableRandom(index);
        String app = WORDS[random.nextInt(WORDS.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String account = digits(random, 12);
        String pipeline = app + "-pipeline";
        String bucket = "codepipeline-" + region + "-" + digits(random, 12);
        S3ArtifactLocation input = new S3ArtifactLocation(bucket, pipeline + "/Source/" + chars(random, 7));
        S3ArtifactLocation output = new S3ArtifactLocation(bucket, pipeline + "/BuildOutpu/" + chars(random, 7));
        JobData data = new JobData(
                new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "Bench", "1"),
                new ActionConfiguration(Map.of("ProjectName", app + "-build")),
                new PipelineContext(pipeline, new StageContext("Build"),
                        new ActionContext("Build", uuid(random)), null, null),
                List.of(new Artifact("SourceArtifact", hex(random, 40), new ArtifactLocation(ArtifactLocation.S3,
                        input))),
                List.of(new Artifact("BuildOutput", null, new ArtifactLocation(ArtifactLocation.S3, output))),
                new AwsSessionCredentials("ASIA" + chars(random, 9).toUpperCase() + "EXAMPLE",
                        chars(random, 30) + "EXAMPLEKEY", "IQoJb3JpZ2luX2Vj" + chars(random, 400) + "EXAMPLE"),
                null,
                EncryptionKey.kms("arn:aws:kms:" + region + ":" + account + ":key/" + uuid(random)));
        return new FakeThirdPartyJob(uuid(random), BenchJobs.CLIENT_TOKEN,
                new ThirdPartyJobDetails(uuid(random), data, Integer.toString(1 + random.nextInt(99_999))),
                List.of(new ArtifactObject(input, ZIP)));
    }

    private static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String hex(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private static String chars(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }
}
