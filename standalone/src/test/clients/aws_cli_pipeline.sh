#!/usr/bin/env bash
# The AWS CLI driving a pipeline execution on the standalone mock: start, state, list, stop, an approval, an error.
#
# Usage: bash aws_cli_pipeline.sh ENDPOINT DIRECTORY   (DIRECTORY: where the pipeline's JSON file is written)
# Prints one line per step; exits non-zero at the first unexpected answer.
set -euo pipefail

endpoint=$1 dir=$2
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_PAGER=""

codepipeline() { aws codepipeline "$@" --endpoint-url "$endpoint" --output text; }

cat >"$dir/gated.json" <<'JSON'
{"pipeline": {"name": "cli-gated", "roleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
  "artifactStore": {"type": "S3", "location": "codepipeline-us-east-1-1234567890"},
  "stages": [
    {"name": "Source", "actions": [{"name": "Source",
      "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
      "configuration": {"S3Bucket": "app-sources", "S3ObjectKey": "app.zip"},
      "outputArtifacts": [{"name": "SourceArtifact"}]}]},
    {"name": "Gate", "actions": [{"name": "Approve",
      "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}}]}]}}
JSON
codepipeline create-pipeline --cli-input-json "file://$dir/gated.json" >/dev/null
id=$(codepipeline start-pipeline-execution --name cli-gated --query pipelineExecutionId)
token=$(codepipeline get-pipeline-state --name cli-gated \
    --query "stageStates[?stageName=='Gate'].actionStates[0].latestExecution.token | [0]")
[ -n "$token" ] && [ "$token" != None ] || { echo "no approval token in get-pipeline-state" >&2; exit 1; }
codepipeline put-approval-result --pipeline-name cli-gated --stage-name Gate --action-name Approve \
    --token "$token" --result summary=approved,status=Approved >/dev/null
status=$(codepipeline get-pipeline-execution --pipeline-name cli-gated --pipeline-execution-id "$id" \
    --query pipelineExecution.status)
[ "$status" = Succeeded ] || { echo "the approved execution is $status" >&2; exit 1; }
echo "execution $id: started, approved with the token get-pipeline-state showed, $status"

second=$(codepipeline start-pipeline-execution --name cli-gated --query pipelineExecutionId)
codepipeline stop-pipeline-execution --pipeline-name cli-gated --pipeline-execution-id "$second" --abandon \
    --reason "cli stop" >/dev/null
statuses=$(codepipeline list-pipeline-executions --pipeline-name cli-gated --query 'pipelineExecutionSummaries[].status')
[ "$statuses" = "$(printf 'Stopped\tSucceeded')" ] || { echo "list-pipeline-executions answered $statuses" >&2; exit 1; }
echo "executions listed, newest first: $statuses"

codepipeline get-pipeline-execution --pipeline-name cli-gated \
    --pipeline-execution-id 11111111-2222-3333-4444-555555555555 2>&1 && exit 1 || true
codepipeline delete-pipeline --name cli-gated
