package io.github.cptestkit.mock.internal.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages and their tokens, variable references and resource ARNs. */
class ControlPlaneValuesTest {

    @Test
    void pagesCoverEveryItemOnceAndTheLastHasNoToken() {
        List<String> items = IntStream.range(0, 7).mapToObj(i -> "item" + i).toList();
        Page<String> first = Page.of(items, s -> s, null, 3);
        Page<String> second = Page.of(items, s -> s, first.nextToken(), 3);
        Page<String> third = Page.of(items, s -> s, second.nextToken(), 3);
        assertThat(first.items()).containsExactly("item0", "item1", "item2");
        assertThat(second.items()).containsExactly("item3", "item4", "item5");
        assertThat(third.items()).containsExactly("item6");
        assertThat(third.nextToken()).isNull();
        assertThat(first.nextToken()).doesNotContain("item3");
    }

    @Test
    void aForgedTokenIsAnInvalidNextToken() {
        assertThatThrownBy(() -> Page.of(List.of("a"), s -> s, "forged", 1))
                .isInstanceOfSatisfying(ControlPlaneRefusal.class, r ->
                        assertThat(r.error()).isEqualTo(AwsError.INVALID_NEXT_TOKEN))
                .hasMessageContaining("'forged' is not one this endpoint gave");
    }

    @Test
    void variableReferencesAreFoundInOrderAndOtherTextIsLeft() {
        assertThat(VariableReference.in("#{codepipeline.PipelineExecutionId}-#{Build.Version} #{no} #{a.b"))
                .containsExactly(new VariableReference("codepipeline", "PipelineExecutionId"),
                        new VariableReference("Build", "Version"));
        assertThat(new VariableReference("Build", "Version")).hasToString("#{Build.Version}");
    }

    @Test
    void arnsNamePipelinesAndActionTypesOfTheScopeOnly() {
        ControlPlaneScope scope = ControlPlaneScope.DEFAULT;
        ActionTypeId type = new ActionTypeId(ActionCategory.TEST, ActionOwner.CUSTOM, "MyTester", "2");
        assertThat(scope.resource(scope.actionTypeArn(type))).contains(new ControlPlaneScope.Resource.ActionType(type));
        assertThat(scope.resource("arn:aws:codepipeline:us-east-1:123456789012:actionType:custom/test/MyTester/2"))
                .as("the IAM examples' spelling").contains(new ControlPlaneScope.Resource.ActionType(type));
        assertThat(scope.resource(scope.pipelineArn("release")))
                .contains(new ControlPlaneScope.Resource.Pipeline("release"));
        assertThat(scope.resource("arn:aws:codepipeline:us-east-1:123456789012:webhook:hook")).isEmpty();
        assertThat(scope.resource("arn:aws:codepipeline:us-west-2:123456789012:release")).isEmpty();
        assertThatThrownBy(() -> scope.resource("arn:aws:codepipeline:us-east-1:123456789012:actiontype:Nobody/Build/P/1"))
                .isInstanceOfSatisfying(ControlPlaneRefusal.class, r ->
                        assertThat(r.error()).isEqualTo(AwsError.INVALID_ARN));
    }
}
