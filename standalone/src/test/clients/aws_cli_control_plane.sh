#!/usr/bin/env bash
# The AWS CLI driving the standalone mock's action type and pipeline commands, as a user's set-up script does.
#
# Usage: bash aws_cli_control_plane.sh ENDPOINT WORK_DIR
#   WORK_DIR: where the JSON files the commands read and write go
# Prints one line per step; exits non-zero at the first unexpected answer.
set -euo pipefail

endpoint=$1 dir=$2
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_PAGER=""

codepipeline() { aws codepipeline "$@" --endpoint-url "$endpoint" --output text; }
expect() { [ "$1" = "$2" ] || { echo "$3: expected '$2', but was '$1'" >&2; exit 1; }; }

cat >"$dir/action-type.json" <<'JSON'
{"category": "Build", "provider": "CliJenkinsBuild", "version": "1",
 "configurationProperties": [{"name": "ProjectName", "required": true, "key": true, "secret": false}],
 "inputArtifactDetails": {"minimumCount": 1, "maximumCount": 1},
 "outputArtifactDetails": {"minimumCount": 0, "maximumCount": 1}}
JSON
cat >"$dir/pipeline.json" <<'JSON'
{"pipeline": {
  "name": "CliPipeline",
  "roleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
  "artifactStore": {"type": "S3", "location": "codepipeline-us-east-1-1234567890"},
  "stages": [
    {"name": "Source", "actions": [{"name": "Source",
      "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
      "configuration": {"S3Bucket": "awscodepipeline-demobucket", "S3ObjectKey": "SampleApp.zip"},
      "outputArtifacts": [{"name": "SourceArtifact"}]}]},
    {"name": "Build", "actions": [{"name": "Build",
      "actionTypeId": {"category": "Build", "owner": "Custom", "provider": "CliJenkinsBuild", "version": "1"},
      "configuration": {"ProjectName": "app"}, "inputArtifacts": [{"name": "SourceArtifact"}]}]}]},
 "tags": [{"key": "team", "value": "cli"}]}
JSON

provider=$(codepipeline create-custom-action-type --cli-input-json "file://$dir/action-type.json" \
    --query actionType.id.provider)
expect "$provider" CliJenkinsBuild create-custom-action-type
expect "$(codepipeline list-action-types --action-owner-filter Custom \
    --query "actionTypes[?id.provider=='CliJenkinsBuild'].id.provider")" CliJenkinsBuild list-action-types
echo "action type: created, listed"

expect "$(codepipeline create-pipeline --cli-input-json "file://$dir/pipeline.json" --query pipeline.version)" 1 \
    create-pipeline
# The documented edit loop: get-pipeline's declaration, changed, back through update-pipeline.
aws codepipeline get-pipeline --name CliPipeline --endpoint-url "$endpoint" --query pipeline --output json \
    | sed 's/"ProjectName": "app"/"ProjectName": "app2"/' >"$dir/edited.json"
expect "$(codepipeline update-pipeline --pipeline "file://$dir/edited.json" --query pipeline.version)" 2 \
    update-pipeline
expect "$(codepipeline get-pipeline --name CliPipeline --pipeline-version 1 \
    --query 'pipeline.stages[1].actions[0].configuration.ProjectName')" app get-pipeline-version-1
expect "$(codepipeline list-pipelines --query "pipelines[?name=='CliPipeline'].[name,version]")" "CliPipeline	2" \
    list-pipelines
arn=$(codepipeline get-pipeline --name CliPipeline --query metadata.pipelineArn)
expect "$(codepipeline list-tags-for-resource --resource-arn "$arn" --query 'tags[].[key,value]')" "team	cli" \
    list-tags-for-resource
echo "pipeline: created, read, updated (version 2), listed, tags listed"

codepipeline delete-pipeline --name CliPipeline
codepipeline delete-custom-action-type --category Build --provider CliJenkinsBuild --action-version 1
expect "$(codepipeline list-pipelines --query "length(pipelines[?name=='CliPipeline'])")" 0 \
    list-pipelines-after-delete
echo "pipeline and action type: deleted"

# An error, as the CLI shows it.
if codepipeline get-pipeline --name CliPipeline 2>"$dir/error.txt"; then
    echo "get-pipeline of a deleted pipeline succeeded" >&2; exit 1
fi
cat "$dir/error.txt"
