// Lambda handlers of a Lambda invoke action, as a user writes them in Node.js: each reads its job from the
// "CodePipeline.job" event and reports to CodePipeline with the SDK's default configuration (endpoint, region and
// credentials from the environment Lambda sets), or throws.
import { CodePipelineClient, PutJobSuccessResultCommand } from "@aws-sdk/client-codepipeline";

const codePipeline = new CodePipelineClient({});

/** Reports success, with its function's name and request id as output variables. */
export const succeeds = async (event, context) => {
  const job = event["CodePipeline.job"];
  await codePipeline.send(new PutJobSuccessResultCommand({
    jobId: job.id,
    outputVariables: { runtime: "nodejs", function: context.functionName, requestId: context.awsRequestId },
  }));
  return `reported ${job.id}`;
};

/** Reports success with its action's UserParameters (references resolved, as the event carries them) as a variable. */
export const echoesUserParameters = async (event) => {
  const job = event["CodePipeline.job"];
  await codePipeline.send(new PutJobSuccessResultCommand({
    jobId: job.id,
    outputVariables: { runtime: "nodejs", UserParameters: job.data.actionConfiguration.configuration.UserParameters },
  }));
  return `reported ${job.id}`;
};

/** Throws before reporting. */
export const throws = async () => {
  throw new TypeError("no input artifact named BuildOutput");
};
