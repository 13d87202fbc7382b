package io.github.cptestkit.mock;

import io.github.cptestkit.fixtures.ActionCategory;
import io.github.cptestkit.fixtures.ActionConfiguration;
import io.github.cptestkit.fixtures.ActionContext;
import io.github.cptestkit.fixtures.ActionOwner;
import io.github.cptestkit.fixtures.ActionTypeId;
import io.github.cptestkit.fixtures.Artifact;
import io.github.cptestkit.fixtures.ArtifactLocation;
import io.github.cptestkit.fixtures.ArtifactObject;
import io.github.cptestkit.fixtures.AwsSessionCredentials;
import io.github.cptestkit.fixtures.EncryptionKey;
import io.github.cptestkit.fixtures.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.fixtures.Job;
import io.github.cptestkit.fixtures.JobData;
import io.github.cptestkit.fixtures.PipelineContext;
import io.github.cptestkit.fixtures.S3ArtifactLocation;
import io.github.cptestkit.fixtures.StageContext;
import io.github.cptestkit.fixtures.ThirdPartyJobDetails;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-built, schema-valid jobs for the mock-server tests (stand-in until the fixtures module's generators land).
 * Job {@code n} always has the same ids, so tests can name them.
 */
public final class TestJobs {

    public static final ActionTypeId THIRD_PARTY_TYPE =
            new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "MyCi", "1");
    public static final ActionTypeId CUSTOM_TYPE =
            new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.CUSTOM, "MyDeployer", "1");
    public static final ActionTypeId LAMBDA_TYPE =
            new ActionTypeId(ActionCategory.INVOKE, ActionOwner.AWS, "Lambda", "1");
    public static final String CLIENT_ID = "c11e0000-0000-4000-8000-000000000001";
    public static final String CLIENT_TOKEN = "client-token-secret-1";
    public static final String ACCOUNT_ID = "123456789012";
    public static final String BUCKET = "codepipeline-us-east-1-123456789012";
    public static final String SECRET_ACCESS_KEY = "secret-access-key-VALUE";
    public static final String SESSION_TOKEN = "session-token-VALUE";

    private TestJobs() {}

    /** The id of job {@code n}: a lowercase UUID, as both job families need. */
    public static String jobId(int n) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
    }

    public static FakeThirdPartyJob thirdParty(int n) {
        return new FakeThirdPartyJob(CLIENT_ID, CLIENT_TOKEN,
                new ThirdPartyJobDetails(jobId(n), data(THIRD_PARTY_TYPE, n, Map.of("ProjectName", "payments")),
                        "nonce-" + n),
                List.of(new ArtifactObject(input(n), new byte[] {'P', 'K', 5, 6})));
    }

    public static FakeCustomJob custom(int n) {
        return custom(n, Map.of("ProjectName", "payments"));
    }

    public static FakeCustomJob custom(int n, Map<String, String> configuration) {
        return new FakeCustomJob(new Job(jobId(n), data(CUSTOM_TYPE, n, configuration), "nonce-" + n, ACCOUNT_ID),
                List.of(new ArtifactObject(input(n), new byte[] {'P', 'K', 5, 6})));
    }

    /** A Lambda invoke job (owner AWS): never polled, InProgress once queued. */
    public static FakeCustomJob lambda(int n) {
        return new FakeCustomJob(new Job(jobId(n), data(LAMBDA_TYPE, n, Map.of("FunctionName", "deployer")),
                "nonce-" + n, ACCOUNT_ID), List.of());
    }

    /** Job {@code n}'s data; partner jobs carry no pipelineArn or pipelineExecutionId, as AWS sends them. */
    public static JobData data(ActionTypeId type, int n, Map<String, String> configuration) {
        boolean thirdParty = type.owner() == ActionOwner.THIRD_PARTY;
        PipelineContext context = new PipelineContext("payments", new StageContext("Build"),
                new ActionContext("Build", jobId(n)),
                thirdParty ? null : "arn:aws:codepipeline:us-east-1:" + ACCOUNT_ID + ":payments",
                thirdParty ? null : jobId(n));
        return new JobData(type, new ActionConfiguration(configuration), context,
                List.of(new Artifact("SourceOutput", "rev-" + n,
                        new ArtifactLocation(ArtifactLocation.S3, input(n)))),
                List.of(new Artifact("BuildOutput", null,
                        ArtifactLocation.s3(BUCKET, "payments/BuildOutpu/out" + n))),
                new AwsSessionCredentials(accessKeyId(n), SECRET_ACCESS_KEY, SESSION_TOKEN),
                null,
                EncryptionKey.kms("arn:aws:kms:us-east-1:" + ACCOUNT_ID + ":alias/aws/s3"));
    }

    /** The same data with another pipeline name (e.g. one outside its pattern, to test strict mode). */
    public static JobData withPipelineName(JobData data, String pipelineName) {
        PipelineContext context = data.pipelineContext();
        return new JobData(data.actionTypeId(), data.actionConfiguration(),
                new PipelineContext(pipelineName, context.stage(), context.action(), context.pipelineArn(),
                        context.pipelineExecutionId()),
                data.inputArtifacts(), data.outputArtifacts(), data.artifactCredentials(), data.continuationToken(),
                data.encryptionKey());
    }

    public static String accessKeyId(int n) {
        return "ASIAFAKE" + n;
    }

    public static S3ArtifactLocation input(int n) {
        return new S3ArtifactLocation(BUCKET, "payments/SourceOutp/in" + n);
    }
}
