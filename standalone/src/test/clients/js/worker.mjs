// The AWS SDK for JavaScript v3 driving the standalone mock: a partner job and a custom job, each polled, read,
// acknowledged and given a result, and one error. The endpoint comes from AWS_ENDPOINT_URL_CODEPIPELINE, the line the
// mock's banner prints; the admin URL from the first argument.
//
// Usage: AWS_ENDPOINT_URL_CODEPIPELINE=http://127.0.0.1:PORT node worker.mjs http://127.0.0.1:PORT
import assert from "node:assert/strict";
import {
  AcknowledgeJobCommand,
  AcknowledgeThirdPartyJobCommand,
  CodePipelineClient,
  GetJobDetailsCommand,
  GetThirdPartyJobDetailsCommand,
  JobNotFoundException,
  PollForJobsCommand,
  PollForThirdPartyJobsCommand,
  PutJobFailureResultCommand,
  PutThirdPartyJobSuccessResultCommand,
} from "@aws-sdk/client-codepipeline";

const admin = process.argv[2].replace(/\/$/, "") + "/__admin/codepipeline/";

async function adminCall(method, path, body) {
  const response = await fetch(admin + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${method} ${path}: ${text}`);
  return JSON.parse(text);
}

const client = new CodePipelineClient({
  region: "us-east-1",
  maxAttempts: 1,
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
});

// A partner job: poll, details, acknowledge, success.
const partnerType = { category: "Test", owner: "ThirdParty", provider: "JsWorker", version: "1" };
const [queued] = (await adminCall("POST", "jobs", { actionTypeId: { category: "Test", provider: "JsWorker", version: "1" } })).jobs;
const polled = await client.send(new PollForThirdPartyJobsCommand({ actionTypeId: partnerType, maxBatchSize: 5 }));
assert.deepEqual(polled.jobs, [{ clientId: queued.clientId, jobId: queued.jobId }]);
const details = await client.send(new GetThirdPartyJobDetailsCommand({ jobId: queued.jobId, clientToken: queued.clientToken }));
assert.deepEqual(details.jobDetails.data.actionTypeId, partnerType);
const ack = await client.send(new AcknowledgeThirdPartyJobCommand({
  jobId: queued.jobId, nonce: details.jobDetails.nonce, clientToken: queued.clientToken }));
assert.equal(ack.status, "InProgress");
await client.send(new PutThirdPartyJobSuccessResultCommand({
  jobId: queued.jobId, clientToken: queued.clientToken,
  currentRevision: { revision: "js-1", changeIdentifier: "c-1", created: new Date("2026-01-01T00:00:00Z") },
  executionDetails: { summary: "tested", percentComplete: 100 } }));
const partner = await adminCall("GET", "jobs/" + queued.jobId);
assert.equal(partner.status, "Succeeded");
assert.equal(partner.result.currentRevision.created, 1767225600);
console.log(`js worker: third-party job ${queued.jobId}: polled, details, acknowledged (${ack.status}), success put`);

// A custom job: poll (with its nonce), details, acknowledge, failure.
const customType = { category: "Deploy", owner: "Custom", provider: "JsWorker", version: "1" };
const [custom] = (await adminCall("POST", "jobs", { kind: "custom", actionTypeId: { category: "Deploy", provider: "JsWorker", version: "1" } })).jobs;
const [job] = (await client.send(new PollForJobsCommand({ actionTypeId: customType }))).jobs;
assert.equal(job.id, custom.jobId);
const jobDetails = await client.send(new GetJobDetailsCommand({ jobId: job.id }));
assert.equal(jobDetails.jobDetails.accountId, job.accountId);
const customAck = await client.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }));
assert.equal(customAck.status, "InProgress");
await client.send(new PutJobFailureResultCommand({
  jobId: job.id, failureDetails: { type: "ConfigurationError", message: "no such deployment group" } }));
assert.equal((await adminCall("GET", "jobs/" + job.id)).result.failureDetails.type, "ConfigurationError");
console.log(`js worker: custom job ${job.id}: polled, details, acknowledged (${customAck.status}), failure put`);

// An error arrives as the SDK's own exception class.
await assert.rejects(client.send(new GetJobDetailsCommand({ jobId: "11111111-2222-3333-4444-555555555555" })), (error) => {
  assert.ok(error instanceof JobNotFoundException, `${error.name}: ${error.message}`);
  console.log(`js worker: error ${error.name}: ${error.message}`);
  return true;
});
console.log("js worker: done");
