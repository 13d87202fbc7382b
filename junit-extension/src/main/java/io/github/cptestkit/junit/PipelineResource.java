package io.github.cptestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pipeline for this test, created in the mock from a class-path resource before the test runs (after the mock's
 * reset), and injected as its {@link io.github.cptestkit.mock.pipelines.PipelineSnapshot}. The resource is any
 * document {@code CodePipelineMock.createPipeline(String)} reads: {@code aws codepipeline get-pipeline} output, a
 * bare declaration, or a CloudFormation {@code AWS::CodePipeline::Pipeline} resource or its {@code Properties}; the
 * custom action types it uses are created first from {@link #actionTypes()}.
 *
 * <pre>{@code
 * @Test
 * void buildsTheReleasePipeline(CodePipelineClient codePipeline,
 *         @PipelineResource(value = "pipelines/release.json", actionTypes = "pipelines/my-builder.json")
 *         PipelineSnapshot release) {
 *     assertThat(codePipeline.getPipeline(r -> r.name(release.name())).pipeline().stages()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>A document the mock refuses fails the test before it runs, naming the resource and the AWS error
 * CreatePipeline would answer.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PipelineResource {

    /**
     * The pipeline document's class-path resource, e.g. {@code "pipelines/release.json"} (no leading slash).
     *
     * @return the resource's path on the class path
     */
    String value();

    /**
     * Custom action types created before the pipeline, each a class-path resource holding a
     * {@code create-custom-action-type --cli-input-json} document; none by default.
     *
     * @return the action type documents' resource paths, created in this order
     */
    String[] actionTypes() default {};
}
