package io.github.cptestkit.mock.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Pipeline declarations for the hostile-input tests: a valid one of AWS's own providers only (S3 source, manual
 * approval, Lambda invoke reading the source's variable), and mutations that each break, or keep, one of the rules
 * CodePipeline checks.
 *
 * <pre>{@code
 * ObjectNode pipeline = HostileDeclarations.valid("p");
 * String what = HostileDeclarations.mutate(pipeline, random);   // e.g. "a stage without actions"
 * }</pre>
 */
final class HostileDeclarations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {"name": "%s", "roleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
             "artifactStore": {"type": "S3", "location": "codepipeline-us-east-1-1234567890"},
             "stages": [
               {"name": "Source", "actions": [{"name": "Source",
                 "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                 "configuration": {"S3Bucket": "b", "S3ObjectKey": "app.zip", "PollForSourceChanges": "false"},
                 "outputArtifacts": [{"name": "SourceArtifact"}], "namespace": "SourceVariables"}]},
               {"name": "Approve", "actions": [{"name": "Approve",
                 "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}}]},
               {"name": "Invoke", "actions": [{"name": "Invoke",
                 "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "Lambda", "version": "1"},
                 "configuration": {"FunctionName": "f", "UserParameters": "#{SourceVariables.ETag}"},
                 "inputArtifacts": [{"name": "SourceArtifact"}]}]}]}
            """;

    private HostileDeclarations() {}

    /** The valid declaration, named {@code name}. */
    static ObjectNode valid(String name) {
        try {
            return (ObjectNode) JSON.readTree(VALID.formatted(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes {@code pipeline} at random; returns what it did. */
    static String mutate(ObjectNode pipeline, Random random) {
        ArrayNode stages = (ArrayNode) pipeline.get("stages");
        if (stages.isEmpty()) {
            stages.add(valid("x").get("stages").get(0));
        }
        ObjectNode stage = (ObjectNode) stages.get(random.nextInt(stages.size()));
        ArrayNode actions = stage.withArray("actions");
        ObjectNode action = actions.isEmpty() ? null : (ObjectNode) actions.get(random.nextInt(actions.size()));
        int kind = random.nextInt(20);
        if (action == null && kind >= 3) {
            kind = random.nextInt(3);
        }
        switch (kind) {
            case 0 -> {
                stages.remove(random.nextInt(stages.size()));
                return "a stage removed";
            }
            case 1 -> {
                stages.add(stage.deepCopy());
                return "stage " + stage.path("name").asText() + " twice";
            }
            case 2 -> {
                stage.putArray("actions");
                return "stage " + stage.path("name").asText() + " without actions";
            }
            case 3 -> {
                actions.add(action.deepCopy());
                return "action " + action.path("name").asText() + " twice";
            }
            case 4 -> {
                action.put("runOrder", 1 + random.nextInt(999));
                return "a runOrder";
            }
            case 5 -> {
                action.putArray("inputArtifacts").addObject().put("name", Fuzz.text(random, 1 + random.nextInt(8),
                        'a', 'z'));
                return "an input artifact";
            }
            case 6 -> {
                action.putArray("outputArtifacts").addObject().put("name", "SourceArtifact");
                return "output SourceArtifact";
            }
            case 7 -> {
                ((ObjectNode) action.get("actionTypeId")).put("provider", Fuzz.pick(random, "S3", "CodeBuild", "Manual",
                        "Lambda", "Nobody", "CodeDeploy", "ECS"));
                return "a provider";
            }
            case 8 -> {
                ((ObjectNode) action.get("actionTypeId")).put("category", Fuzz.pick(random, "Source", "Build",
                        "Deploy", "Test", "Invoke", "Approval"));
                return "a category";
            }
            case 9 -> {
                ((ObjectNode) action.get("actionTypeId")).put("owner", Fuzz.pick(random, "AWS", "ThirdParty",
                        "Custom"));
                return "an owner";
            }
            case 10 -> {
                action.put("region", Fuzz.pick(random, "us-east-1", "eu-west-1", "ap-south-1"));
                return "a region";
            }
            case 11 -> {
                action.put("namespace", Fuzz.pick(random, "SourceVariables", "codepipeline", "variables", "N1"));
                return "a namespace";
            }
            case 12 -> {
                action.withObject("configuration").put("UserParameters", "#{" + Fuzz.pick(random, "SourceVariables",
                        "Nowhere", "codepipeline", "variables") + "." + Fuzz.pick(random, "ETag", "PipelineExecutionId",
                        "x") + "}");
                return "a variable reference";
            }
            case 13 -> {
                action.withObject("configuration").put(Fuzz.text(random, 1 + random.nextInt(10), 'A', 'Z'), "v");
                return "a configuration key";
            }
            case 14 -> {
                action.withObject("configuration").removeAll();
                return "no configuration";
            }
            case 15 -> {
                pipeline.put("pipelineType", Fuzz.pick(random, "V1", "V2"));
                pipeline.putArray("variables").addObject().put("name", "v").put("defaultValue", "d");
                return "a pipeline type with variables";
            }
            case 16 -> {
                pipeline.put("executionMode", Fuzz.pick(random, "QUEUED", "SUPERSEDED", "PARALLEL"));
                return "an execution mode";
            }
            case 17 -> {
                pipeline.putObject("artifactStores").set("us-east-1", pipeline.get("artifactStore").deepCopy());
                if (random.nextBoolean()) {
                    pipeline.remove("artifactStore");
                }
                return "artifactStores";
            }
            case 18 -> {
                stage.putArray("blockers").add(JSON.createObjectNode().put("name", "b").put("type", "Schedule"))
                        .add(JSON.createObjectNode().put("name", random.nextBoolean() ? "b" : "c")
                                .put("type", "Schedule"));
                return "blockers";
            }
            default -> {
                widen(pipeline, 1 + random.nextInt(60), 1 + random.nextInt(60));
                return "many stages and actions";
            }
        }
    }

    /** Makes {@code pipeline} {@code stages} stages (after its first) of {@code actions} approval actions each. */
    static void widen(ObjectNode pipeline, int stages, int actions) {
        ArrayNode list = (ArrayNode) pipeline.get("stages");
        JsonNode first = list.get(0);
        list.removeAll();
        list.add(first);
        for (int s = 1; s < stages; s++) {
            ObjectNode stage = list.addObject().put("name", "Stage" + s);
            ArrayNode approvals = stage.putArray("actions");
            for (int a = 0; a < actions; a++) {
                ObjectNode approval = approvals.addObject().put("name", "Approve" + a);
                approval.putObject("actionTypeId").put("category", "Approval").put("owner", "AWS")
                        .put("provider", "Manual").put("version", "1");
            }
        }
    }
}
