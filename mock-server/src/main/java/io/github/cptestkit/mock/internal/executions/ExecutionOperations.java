package io.github.cptestkit.mock.internal.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.internal.codepipeline.AwsException;
import io.github.cptestkit.mock.internal.codepipeline.Operations;
import io.github.cptestkit.mock.internal.codepipeline.Reply;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine.RetryMode;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine.StageState;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine.Transition;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine.TransitionType;
import io.github.cptestkit.mock.internal.pipelines.ControlPlane;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneRefusal;
import io.github.cptestkit.mock.internal.pipelines.Page;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.WireFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The handlers of the execution operations (StartPipelineExecution, GetPipelineExecution, GetPipelineState,
 * ListPipelineExecutions, ListActionExecutions, StopPipelineExecution, RetryStageExecution, PutApprovalResult,
 * Disable/EnableStageTransition), registered in {@link Operations}: each turns a schema-valid request into
 * {@link ExecutionEngine} calls and renders the answer as AWS shapes it. Refusals are the engine's
 * {@link AwsException}s (a bad page token's {@link ControlPlaneRefusal} answers as one).
 *
 * <pre>{@code
 * new ExecutionOperations(engine, controlPlane::findPipeline, controlPlane::actionType).registerIn(operations);
 * }</pre>
 */
public final class ExecutionOperations {

    /** ListPipelineExecutions' and ListActionExecutions' page size when the request sets no maxResults. */
    public static final int DEFAULT_PAGE = 100;

    private static final ObjectMapper JSON = WireFormat.mapper();

    private final ExecutionEngine engine;
    private final Function<String, Optional<PipelineSnapshot>> pipelines;
    private final Function<ActionTypeId, Optional<ActionTypeSnapshot>> actionTypes;

    /**
     * @param engine      the executions
     * @param pipelines   the control plane's pipelines, by name
     * @param actionTypes the control plane's action types: ListActionExecutions masks their secret properties' values
     *                    as GetPipeline does
     */
    public ExecutionOperations(ExecutionEngine engine, Function<String, Optional<PipelineSnapshot>> pipelines,
            Function<ActionTypeId, Optional<ActionTypeSnapshot>> actionTypes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.actionTypes = Objects.requireNonNull(actionTypes, "actionTypes");
    }

    /** Registers the ten execution operations' handlers in {@code operations}; returns it. */
    public Operations registerIn(Operations operations) {
        operations.register(Operation.START_PIPELINE_EXECUTION, request -> reply(() -> start(request)));
        operations.register(Operation.GET_PIPELINE_EXECUTION, request -> reply(() -> getExecution(request)));
        operations.register(Operation.GET_PIPELINE_STATE, request -> reply(() -> getState(request)));
        operations.register(Operation.LIST_PIPELINE_EXECUTIONS, request -> reply(() -> listExecutions(request)));
        operations.register(Operation.LIST_ACTION_EXECUTIONS, request -> reply(() -> listActionExecutions(request)));
        operations.register(Operation.STOP_PIPELINE_EXECUTION, request -> reply(() -> stop(request)));
        operations.register(Operation.RETRY_STAGE_EXECUTION, request -> reply(() -> retry(request)));
        operations.register(Operation.PUT_APPROVAL_RESULT, request -> reply(() -> putApprovalResult(request)));
        operations.register(Operation.DISABLE_STAGE_TRANSITION, request -> reply(() -> transition(request, false)));
        operations.register(Operation.ENABLE_STAGE_TRANSITION, request -> reply(() -> transition(request, true)));
        return operations;
    }

    private static Reply reply(Supplier<JsonNode> answer) {
        try {
            return Reply.of(answer.get());
        } catch (ControlPlaneRefusal refusal) {
            throw new AwsException(refusal.error(), refusal.getMessage());
        }
    }

    // ---------------------------------------------------------------- operations

    private JsonNode start(JsonNode request) {
        ExecutionStart.Builder start = ExecutionStart.of(text(request, "name"))
                .clientRequestToken(text(request, "clientRequestToken"));
        for (JsonNode variable : request.path("variables")) {
            start.variable(variable.path("name").asText(), variable.path("value").asText());
        }
        for (JsonNode revision : request.path("sourceRevisions")) {
            start.sourceRevision(revision.path("actionName").asText(), revision.path("revisionType").asText(),
                    revision.path("revisionValue").asText());
        }
        return JSON.createObjectNode().put("pipelineExecutionId", engine.start(start.build()));
    }

    private JsonNode getExecution(JsonNode request) {
        PipelineExecutionSnapshot execution = engine.execution(text(request, "pipelineName"),
                text(request, "pipelineExecutionId"));
        ObjectNode body = JSON.createObjectNode();
        ObjectNode out = body.putObject("pipelineExecution");
        out.put("pipelineName", execution.pipelineName())
                .put("pipelineVersion", execution.pipelineVersion())
                .put("pipelineExecutionId", execution.pipelineExecutionId())
                .put("status", execution.status().wire());
        putIfPresent(out, "statusSummary", execution.statusSummary());
        ArrayNode revisions = out.putArray("artifactRevisions");
        for (PipelineExecutionSnapshot.ArtifactRevision revision : execution.artifactRevisions()) {
            ObjectNode node = revisions.addObject().put("name", revision.name());
            putIfPresent(node, "revisionId", revision.revisionId());
            putIfPresent(node, "revisionChangeIdentifier", revision.revisionChangeIdentifier());
            putIfPresent(node, "revisionSummary", revision.revisionSummary());
            putTime(node, "created", revision.created());
        }
        ArrayNode variables = out.putArray("variables");
        execution.variables().forEach((name, value) -> variables.addObject().put("name", name)
                .put("resolvedValue", value));
        out.putObject("trigger").put("triggerType", execution.triggerType()).put("triggerDetail", "codepipeline-testkit");
        out.put("executionMode", execution.executionMode());
        return body;
    }

    private JsonNode getState(JsonNode request) {
        String name = text(request, "name");
        List<StageState> stages = engine.state(name);
        PipelineSnapshot pipeline = pipelines.apply(name).orElseThrow(() -> new AwsException(
                AwsError.PIPELINE_NOT_FOUND, "Pipeline " + name + " not found"));
        ObjectNode body = JSON.createObjectNode().put("pipelineName", name).put("pipelineVersion", pipeline.version());
        ArrayNode states = body.putArray("stageStates");
        for (StageState stage : stages) {
            ObjectNode node = states.addObject().put("stageName", stage.stageName());
            Transition inbound = stage.inbound();
            ObjectNode transition = node.putObject("inboundTransitionState").put("enabled", inbound.enabled());
            putIfPresent(transition, "disabledReason", inbound.disabledReason());
            if (inbound.lastChangedAt() != null) {
                putTime(transition, "lastChangedAt", inbound.lastChangedAt());
                transition.put("lastChangedBy", "arn:aws:iam::" + pipeline.metadata().pipelineArn().split(":")[4]
                        + ":root");
            }
            if (stage.inboundExecutionId() != null) {
                node.putObject("inboundExecution").put("pipelineExecutionId", stage.inboundExecutionId())
                        .put("status", "InProgress");
            }
            ArrayNode actions = node.putArray("actionStates");
            stage.actions().forEach((actionName, latest) -> {
                ObjectNode action = actions.addObject().put("actionName", actionName);
                latest.ifPresent(run -> {
                    ObjectNode execution = action.putObject("latestExecution")
                            .put("actionExecutionId", run.actionExecutionId())
                            .put("status", run.status().wire());
                    putIfPresent(execution, "summary", run.summary());
                    putTime(execution, "lastStatusChange", run.lastUpdateTime());
                    putIfPresent(execution, "token", run.token());
                    putIfPresent(execution, "externalExecutionId", run.externalExecutionId());
                    putIfPresent(execution, "externalExecutionUrl", run.externalExecutionUrl());
                    if (run.percentComplete() != null) {
                        execution.put("percentComplete", run.percentComplete());
                    }
                    if (run.errorCode() != null) {
                        ObjectNode error = execution.putObject("errorDetails").put("code", run.errorCode());
                        putIfPresent(error, "message", run.errorMessage());
                    }
                    if (run.actionTypeId().category() == ActionCategory.SOURCE && !run.outputArtifacts().isEmpty()
                            && run.outputArtifacts().get(0).revision() != null) {
                        String revisionId = run.outputArtifacts().get(0).revision();
                        ObjectNode revision = action.putObject("currentRevision").put("revisionId", revisionId)
                                .put("revisionChangeId", run.outputVariables().getOrDefault("ETag", revisionId));
                        putTime(revision, "created", run.lastUpdateTime());
                    }
                });
            });
            if (stage.latestExecutionId() != null) {
                node.putObject("latestExecution").put("pipelineExecutionId", stage.latestExecutionId())
                        .put("status", stage.latestStatus().wire());
            }
        }
        putTime(body, "created", pipeline.metadata().created());
        putTime(body, "updated", pipeline.metadata().updated());
        return body;
    }

    private JsonNode listExecutions(JsonNode request) {
        Page<PipelineExecutionSnapshot> page = engine.executions(text(request, "pipelineName"), maxResults(request),
                text(request, "nextToken"));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode summaries = body.putArray("pipelineExecutionSummaries");
        for (PipelineExecutionSnapshot execution : page.items()) {
            ObjectNode node = summaries.addObject().put("pipelineExecutionId", execution.pipelineExecutionId())
                    .put("status", execution.status().wire());
            putIfPresent(node, "statusSummary", execution.statusSummary());
            putTime(node, "startTime", execution.startTime());
            putTime(node, "lastUpdateTime", execution.lastUpdateTime());
            ArrayNode sources = node.putArray("sourceRevisions");
            for (ActionExecutionSnapshot action : execution.actions()) {
                if (action.actionTypeId().category() == ActionCategory.SOURCE && !action.outputArtifacts().isEmpty()
                        && action.outputArtifacts().get(0).revision() != null) {
                    ObjectNode source = sources.addObject().put("actionName", action.actionName())
                            .put("revisionId", action.outputArtifacts().get(0).revision());
                    putIfPresent(source, "revisionSummary", action.summary());
                }
            }
            node.putObject("trigger").put("triggerType", execution.triggerType())
                    .put("triggerDetail", "codepipeline-testkit");
            if (execution.status() == io.github.cptestkit.mock.executions.PipelineExecutionStatus.STOPPED
                    && execution.statusSummary() != null) {
                node.putObject("stopTrigger").put("reason", execution.statusSummary());
            }
            node.put("executionMode", execution.executionMode());
        }
        putIfPresent(body, "nextToken", page.nextToken());
        return body;
    }

    private JsonNode listActionExecutions(JsonNode request) {
        String pipelineName = text(request, "pipelineName");
        JsonNode filter = request.path("filter");
        String executionId = filter.hasNonNull("pipelineExecutionId") ? filter.get("pipelineExecutionId").asText()
                : filter.path("latestInPipelineExecution").hasNonNull("pipelineExecutionId")
                        ? filter.path("latestInPipelineExecution").get("pipelineExecutionId").asText() : null;
        Page<ActionExecutionSnapshot> page = engine.actionExecutions(pipelineName, executionId, maxResults(request),
                text(request, "nextToken"));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode details = body.putArray("actionExecutionDetails");
        for (ActionExecutionSnapshot action : page.items()) {
            PipelineExecutionSnapshot execution = engine.findExecution(action.pipelineExecutionId()).orElseThrow();
            ObjectNode node = details.addObject().put("pipelineExecutionId", action.pipelineExecutionId())
                    .put("actionExecutionId", action.actionExecutionId())
                    .put("pipelineVersion", execution.pipelineVersion())
                    .put("stageName", action.stageName())
                    .put("actionName", action.actionName());
            putTime(node, "startTime", action.startTime());
            putTime(node, "lastUpdateTime", action.lastUpdateTime());
            node.put("status", action.status().wire());
            ObjectNode input = node.putObject("input");
            input.set("actionTypeId", WireFormat.toTree(action.actionTypeId()));
            input.set("configuration", JSON.valueToTree(masked(action.actionTypeId(), action.configuration())));
            input.set("resolvedConfiguration", JSON.valueToTree(masked(action.actionTypeId(),
                    action.resolvedConfiguration())));
            input.set("inputArtifacts", artifacts(action.inputArtifacts()));
            putIfPresent(input, "namespace", action.namespace());
            ObjectNode output = node.putObject("output");
            output.set("outputArtifacts", artifacts(action.outputArtifacts()));
            ObjectNode result = output.putObject("executionResult");
            putIfPresent(result, "externalExecutionId", action.externalExecutionId());
            putIfPresent(result, "externalExecutionSummary", action.summary());
            putIfPresent(result, "externalExecutionUrl", action.externalExecutionUrl());
            if (action.errorCode() != null) {
                ObjectNode error = result.putObject("errorDetails").put("code", action.errorCode());
                putIfPresent(error, "message", action.errorMessage());
            }
            output.set("outputVariables", JSON.valueToTree(action.outputVariables()));
        }
        putIfPresent(body, "nextToken", page.nextToken());
        return body;
    }

    private JsonNode stop(JsonNode request) {
        String id = engine.stop(text(request, "pipelineName"), text(request, "pipelineExecutionId"),
                request.path("abandon").asBoolean(false), text(request, "reason"));
        return JSON.createObjectNode().put("pipelineExecutionId", id);
    }

    private JsonNode retry(JsonNode request) {
        String id = engine.retryStage(text(request, "pipelineName"), text(request, "stageName"),
                text(request, "pipelineExecutionId"), RetryMode.valueOf(text(request, "retryMode")));
        return JSON.createObjectNode().put("pipelineExecutionId", id);
    }

    private JsonNode putApprovalResult(JsonNode request) {
        JsonNode result = request.path("result");
        Instant at = engine.putApprovalResult(text(request, "pipelineName"), text(request, "stageName"),
                text(request, "actionName"), "Approved".equals(result.path("status").asText()),
                result.path("summary").asText(), text(request, "token"));
        ObjectNode body = JSON.createObjectNode();
        putTime(body, "approvedAt", at);
        return body;
    }

    private JsonNode transition(JsonNode request, boolean enabled) {
        engine.setTransition(text(request, "pipelineName"), text(request, "stageName"),
                TransitionType.fromWire(text(request, "transitionType")), enabled, text(request, "reason"));
        return JSON.createObjectNode();
    }

    // ---------------------------------------------------------------- rendering

    /** The values of the type's secret properties as {@value ControlPlane#MASKED_SECRET}, as GetPipeline shows them. */
    private Map<String, String> masked(ActionTypeId type, Map<String, String> configuration) {
        List<String> secrets = actionTypes.apply(type).map(snapshot -> snapshot.actionType().configurationProperties()
                .stream().filter(ConfigurationProperty::secret).map(ConfigurationProperty::name).toList())
                .orElse(List.of());
        if (secrets.isEmpty()) {
            return configuration;
        }
        Map<String, String> shown = new LinkedHashMap<>(configuration);
        shown.replaceAll((key, value) -> secrets.contains(key) ? ControlPlane.MASKED_SECRET : value);
        return shown;
    }

    private static ArrayNode artifacts(List<Artifact> artifacts) {
        ArrayNode list = JSON.createArrayNode();
        for (Artifact artifact : artifacts) {
            ObjectNode node = list.addObject().put("name", artifact.name());
            if (artifact.location() != null && artifact.location().s3Location() != null) {
                node.putObject("s3location").put("bucket", artifact.location().s3Location().bucketName())
                        .put("key", artifact.location().s3Location().objectKey());
            }
        }
        return list;
    }

    private static void putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    /** AWS JSON 1.1 timestamps: epoch seconds, with milliseconds as a fraction. */
    private static void putTime(ObjectNode node, String member, Instant at) {
        if (at != null) {
            node.put(member, at.toEpochMilli() / 1000.0);
        }
    }

    private static int maxResults(JsonNode request) {
        JsonNode max = request.path("maxResults");
        return max.canConvertToInt() ? max.intValue() : DEFAULT_PAGE;
    }

    private static String text(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node.asText();
    }
}
