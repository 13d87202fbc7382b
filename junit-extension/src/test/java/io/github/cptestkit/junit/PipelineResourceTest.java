package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/** {@code @PipelineResource}: a test starts with a pipeline (and its custom action types) from resource files. */
@CodePipelineMockTest
class PipelineResourceTest {

    static final String PIPELINE = "pipelines/tutorial.cloudformation.json";
    static final String BUILD_TYPE = "pipelines/my-jenkins-build.json";

    @Test
    void theTestStartsWithThePipelineAndItsCustomTypeCreated(CodePipelineClient codePipeline, CodePipelineMock mock,
            @PipelineResource(value = PIPELINE, actionTypes = BUILD_TYPE) PipelineSnapshot pipeline) {
        assertThat(pipeline.name()).isEqualTo("MyCloudFormationPipeline");
        assertThat(pipeline.version()).isEqualTo(1);
        assertThat(codePipeline.getPipeline(r -> r.name("MyCloudFormationPipeline")).pipeline().stages())
                .hasSize(3);
        assertThat(codePipeline.listActionTypes(r -> r.actionOwnerFilter("Custom")).actionTypes())
                .extracting(t -> t.id().provider()).containsExactly("MyJenkinsProviderName");
        assertThat(mock.pipelines()).hasSize(1);
    }

    @Test
    void theNextTestStartsWithoutIt(CodePipelineMock mock) {
        assertThat(mock.pipelines()).isEmpty();
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class BrokenResourcesFixture {

        @Test
        void missing(@PipelineResource("pipelines/absent.json") PipelineSnapshot pipeline) {}

        @Test
        void withoutItsType(@PipelineResource(PIPELINE) PipelineSnapshot pipeline) {}

        @Test
        void wrongType(@PipelineResource(PIPELINE) String pipeline) {}
    }

    @Nested
    class Refusals {

        @Test
        void aMissingResourceAnUnknownActionTypeAndAWrongParameterTypeFailTheTestNamingTheFix() {
            Fixtures.run(BrokenResourcesFixture.class).testEvents()
                    .assertStatistics(stats -> stats.started(3).failed(3))
                    .assertThatEvents()
                    .haveExactly(1, event(test("missing"), finishedWithFailure(
                            instanceOf(ParameterResolutionException.class),
                            message(m -> m.contains("pipelines/absent.json") && m.contains("src/test/resources")))))
                    .haveExactly(1, event(test("withoutItsType"), finishedWithFailure(
                            instanceOf(ParameterResolutionException.class),
                            message(m -> m.contains(PIPELINE) && m.contains("InvalidActionDeclarationException")
                                    && m.contains("MyJenkinsProviderName")))))
                    .haveExactly(1, event(test("wrongType"), finishedWithFailure(
                            instanceOf(ParameterResolutionException.class),
                            message(m -> m.contains("@PipelineResource needs PipelineSnapshot")))));
        }
    }
}
