// The AWS SDK for JavaScript v3 driving the standalone mock's control plane: a custom action type and the user guide
// tutorials' pipeline created, read, updated, listed and deleted, and the declaration errors through the SDK's own
// exception classes. The endpoint comes from AWS_ENDPOINT_URL_CODEPIPELINE, as the mock's banner prints it.
//
// Usage: AWS_ENDPOINT_URL_CODEPIPELINE=http://127.0.0.1:PORT node control_plane.mjs
import assert from "node:assert/strict";
import {
  CodePipelineClient,
  CreateCustomActionTypeCommand,
  CreatePipelineCommand,
  DeleteCustomActionTypeCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  InvalidActionDeclarationException,
  InvalidStageDeclarationException,
  InvalidStructureException,
  LimitExceededException,
  ListActionTypesCommand,
  ListPipelinesCommand,
  PipelineNameInUseException,
  PipelineNotFoundException,
  PipelineVersionNotFoundException,
  UpdatePipelineCommand,
  paginateListPipelines,
} from "@aws-sdk/client-codepipeline";

const client = new CodePipelineClient({
  region: "us-east-1",
  maxAttempts: 1,
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
});
const customBuild = { category: "Build", owner: "Custom", provider: "JsJenkinsBuild", version: "1" };

function tutorial(name) {
  return {
    name,
    roleArn: "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-1234567890" },
    stages: [
      { name: "Source", actions: [{ name: "Source",
        actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
        configuration: { S3Bucket: "awscodepipeline-demobucket", S3ObjectKey: "SampleApp.zip" },
        outputArtifacts: [{ name: "SourceArtifact" }], namespace: "SourceVariables" }] },
      { name: "Build", actions: [{ name: "MyCustomBuild", actionTypeId: customBuild,
        configuration: { ProjectName: "MyDemoProject" },
        inputArtifacts: [{ name: "SourceArtifact" }], outputArtifacts: [{ name: "BuildArtifact" }] }] },
      { name: "Invoke", actions: [{ name: "MyLambdaFunction",
        actionTypeId: { category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" },
        configuration: { FunctionName: "MyLambdaFunctionForAWSCodePipeline", UserParameters: "#{SourceVariables.ETag}" },
        inputArtifacts: [{ name: "BuildArtifact" }] }] },
    ],
  };
}

async function refused(exception, command, fragment) {
  await assert.rejects(client.send(command), (error) => {
    assert.ok(error instanceof exception, `expected ${exception.name}, got ${error.name}: ${error.message}`);
    assert.ok(error.message.includes(fragment), `'${fragment}' not in '${error.message}'`);
    return true;
  });
  console.log(`js control plane: refused ${exception.name}`);
}

const created = await client.send(new CreateCustomActionTypeCommand({
  category: "Build", provider: "JsJenkinsBuild", version: "1",
  configurationProperties: [{ name: "ProjectName", required: true, key: true, secret: false }],
  inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
}));
assert.deepEqual(created.actionType.id, customBuild);
const custom = await client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }));
assert.ok(custom.actionTypes.some((t) => t.id.provider === "JsJenkinsBuild"));

assert.equal((await client.send(new CreatePipelineCommand({ pipeline: tutorial("JsPipeline") }))).pipeline.version, 1);
const got = await client.send(new GetPipelineCommand({ name: "JsPipeline" }));
assert.ok(got.metadata.pipelineArn.endsWith(":JsPipeline"));
assert.ok(got.metadata.created instanceof Date);
const changed = { ...got.pipeline, stages: got.pipeline.stages.slice(0, 2) };
assert.equal((await client.send(new UpdatePipelineCommand({ pipeline: changed }))).pipeline.version, 2);
assert.equal((await client.send(new GetPipelineCommand({ name: "JsPipeline", version: 1 }))).pipeline.stages.length, 3);
await client.send(new CreatePipelineCommand({ pipeline: tutorial("JsPipeline2") }));
const names = [];
for await (const page of paginateListPipelines({ client, pageSize: 1 }, {})) {
  names.push(...page.pipelines.map((p) => p.name).filter((n) => n.startsWith("Js")));
}
assert.deepEqual(names, ["JsPipeline", "JsPipeline2"]);
console.log("js control plane: action type and pipelines created, read, updated (version 2), listed");

await refused(PipelineVersionNotFoundException, new GetPipelineCommand({ name: "JsPipeline", version: 3 }), "version 3");
await refused(PipelineNameInUseException, new CreatePipelineCommand({ pipeline: tutorial("JsPipeline") }), "JsPipeline");
await refused(InvalidStructureException,
  new CreatePipelineCommand({ pipeline: { ...tutorial("JsBroken"), stages: tutorial("x").stages.slice(0, 1) } }),
  "JsBroken");
const empty = tutorial("JsBroken");
empty.stages[1].actions = [];
await refused(InvalidStageDeclarationException, new CreatePipelineCommand({ pipeline: empty }), "Build");
const noInput = tutorial("JsBroken");
noInput.stages[1].actions[0].inputArtifacts = [{ name: "Nowhere" }];
await refused(InvalidActionDeclarationException, new CreatePipelineCommand({ pipeline: noInput }), "Nowhere");
const wide = tutorial("JsBroken");
for (let i = 0; i < 48; i++) {
  wide.stages.push({ name: `Approve${i}`, actions: [{ name: "Approve",
    actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" } }] });
}
await refused(LimitExceededException, new CreatePipelineCommand({ pipeline: wide }), "51");

for (const name of ["JsPipeline", "JsPipeline2"]) {
  await client.send(new DeletePipelineCommand({ name }));
}
await refused(PipelineNotFoundException, new GetPipelineCommand({ name: "JsPipeline" }), "JsPipeline");
await client.send(new DeleteCustomActionTypeCommand({ category: "Build", provider: "JsJenkinsBuild", version: "1" }));
const left = await client.send(new ListPipelinesCommand({}));
assert.ok(!left.pipelines.some((p) => p.name.startsWith("Js")));
console.log("js control plane: done");
