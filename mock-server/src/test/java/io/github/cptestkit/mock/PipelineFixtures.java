package io.github.cptestkit.mock;

import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.Map;

/**
 * The pipeline the tests of several modules start from (this module's test jar): a service role, the artifact
 * store's bucket, and a first stage Source whose S3 source action reads {@code s3://app-sources/app.zip} into
 * artifact SourceArtifact (namespace SourceVariables); the test adds the stages after it.
 *
 * <pre>{@code
 * mock.createPipeline(PipelineFixtures.withS3Source("release").stage(StageDeclaration.of("Build", build)).build());
 * }</pre>
 */
public final class PipelineFixtures {

    /** The S3 source action's type. */
    public static final ActionTypeId S3_SOURCE = new ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS, "S3", "1");

    private PipelineFixtures() {
    }

    /** The builder of pipeline {@code name} with its S3 source stage. */
    public static PipelineDeclaration.Builder withS3Source(String name) {
        return PipelineDeclaration.builder(name)
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.s3("codepipeline-us-east-1-1234567890"))
                .stage(StageDeclaration.of("Source", ActionDeclaration.of("Source", S3_SOURCE)
                        .withConfiguration(Map.of("S3Bucket", "app-sources", "S3ObjectKey", "app.zip"))
                        .withOutputArtifacts("SourceArtifact").withNamespace("SourceVariables")));
    }
}
