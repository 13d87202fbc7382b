#!/usr/bin/env python3
"""A pipeline execution through boto3, run against the standalone mock.

Usage: python3 boto3_pipeline.py http://127.0.0.1:PORT

Creates a custom build action type and a three-stage pipeline (S3 source simulated by the mock, the custom build
action, a Lambda invoke action reading the build's output variable), starts it, works the build job as a worker
does (poll, acknowledge, read the input and write the output artifact with the job's own credentials, put success
with an output variable), answers the Lambda job as the function would, then reads the execution back
(get-pipeline-execution, get-pipeline-state, list-action-executions, list-pipeline-executions with boto3's
paginator) and meets the execution errors through boto3's own exception classes. Exits 0 and prints
"boto3 pipeline: N checks passed" when all went as CodePipeline answers; fails loudly otherwise.
"""
import io
import json
import sys
import urllib.request
import zipfile

import boto3
from botocore.config import Config

FAKE = {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region_name": "us-east-1"}
BUILDER = {"category": "Build", "owner": "Custom", "provider": "Boto3PipelineBuild", "version": "1"}
checks = 0


def check(condition, what):
    global checks
    assert condition, what
    checks += 1


def pipeline(name):
    return {
        "name": name,
        "roleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
        "artifactStore": {"type": "S3", "location": "codepipeline-us-east-1-1234567890"},
        "stages": [
            {"name": "Source", "actions": [{
                "name": "Source",
                "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                "configuration": {"S3Bucket": "app-sources", "S3ObjectKey": "app.zip"},
                "outputArtifacts": [{"name": "SourceArtifact"}], "namespace": "SourceVariables"}]},
            {"name": "Build", "actions": [{
                "name": "Build", "actionTypeId": BUILDER,
                "configuration": {"Env": "prod"}, "namespace": "BuildVariables",
                "inputArtifacts": [{"name": "SourceArtifact"}], "outputArtifacts": [{"name": "BuildArtifact"}]}]},
            {"name": "Invoke", "actions": [{
                "name": "Notes",
                "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "Lambda", "version": "1"},
                "configuration": {"FunctionName": "release-notes", "UserParameters": "#{BuildVariables.Version}"},
                "inputArtifacts": [{"name": "BuildArtifact"}]}]},
        ],
    }


def main(endpoint):
    cp = boto3.client("codepipeline", endpoint_url=endpoint, config=Config(retries={"total_max_attempts": 1}),
                      **FAKE)
    cp.create_custom_action_type(category="Build", provider="Boto3PipelineBuild", version="1",
                                 configurationProperties=[{"name": "Env", "required": True, "key": True,
                                                           "secret": False}],
                                 inputArtifactDetails={"minimumCount": 1, "maximumCount": 1},
                                 outputArtifactDetails={"minimumCount": 1, "maximumCount": 1})
    cp.create_pipeline(pipeline=pipeline("boto3-release"))
    execution_id = cp.start_pipeline_execution(name="boto3-release")["pipelineExecutionId"]

    # The worker's loop.
    jobs = cp.poll_for_jobs(actionTypeId=BUILDER, maxBatchSize=5)["jobs"]
    check(len(jobs) == 1, "one build job is queued: %s" % jobs)
    job = jobs[0]
    data = job["data"]
    check(data["actionConfiguration"]["configuration"] == {"Env": "prod"}, "the job's configuration")
    check(data["pipelineContext"]["pipelineExecutionId"] == execution_id, "the job's pipelineContext")
    cp.acknowledge_job(jobId=job["id"], nonce=job["nonce"])
    credentials = data["artifactCredentials"]
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id=credentials["accessKeyId"],
                      aws_secret_access_key=credentials["secretAccessKey"],
                      aws_session_token=credentials["sessionToken"],
                      config=Config(s3={"addressing_style": "path"}, retries={"total_max_attempts": 1}))
    source = data["inputArtifacts"][0]["location"]["s3Location"]
    source_zip = s3.get_object(Bucket=source["bucketName"], Key=source["objectKey"])["Body"].read()
    check(zipfile.ZipFile(io.BytesIO(source_zip)).namelist() != [], "the source artifact is a zip")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("build.txt", "built for prod")
    target = data["outputArtifacts"][0]["location"]["s3Location"]
    s3.put_object(Bucket=target["bucketName"], Key=target["objectKey"], Body=output.getvalue())
    cp.put_job_success_result(jobId=job["id"], outputVariables={"Version": "1.4"},
                              executionDetails={"summary": "built 1.4", "percentComplete": 100})

    # The Lambda invoke action is held for a result: answer it as the function would (its job id from the admin API).
    shown = json.load(urllib.request.urlopen(endpoint + "/__admin/codepipeline/executions/" + execution_id))
    notes = [a for a in shown["actions"] if a["actionName"] == "Notes"][0]
    lambda_job = cp.get_job_details(jobId=notes["jobIds"][0])["jobDetails"]
    check(lambda_job["data"]["actionConfiguration"]["configuration"]["UserParameters"] == "1.4",
          "the Lambda action received the build's output variable")
    cp.put_job_success_result(jobId=lambda_job["id"], executionDetails={"summary": "notes sent"})

    execution = cp.get_pipeline_execution(pipelineName="boto3-release",
                                          pipelineExecutionId=execution_id)["pipelineExecution"]
    check(execution["status"] == "Succeeded", "the execution succeeded: %s" % execution)
    check(execution["artifactRevisions"][0]["name"] == "SourceArtifact", "the source revision")
    state = cp.get_pipeline_state(name="boto3-release")
    check([s["latestExecution"]["status"] for s in state["stageStates"]] == ["Succeeded"] * 3, "every stage")
    details = cp.list_action_executions(pipelineName="boto3-release",
                                        filter={"pipelineExecutionId": execution_id})["actionExecutionDetails"]
    build = [d for d in details if d["actionName"] == "Build"][0]
    check(build["output"]["outputVariables"] == {"Version": "1.4"}, "the build's output variables")
    check(build["output"]["executionResult"]["externalExecutionSummary"] == "built 1.4", "the build's summary")

    second = cp.start_pipeline_execution(name="boto3-release", clientRequestToken="boto3-1")["pipelineExecutionId"]
    check(cp.start_pipeline_execution(name="boto3-release", clientRequestToken="boto3-1")["pipelineExecutionId"]
          == second, "a repeated clientRequestToken answers the same execution")
    cp.stop_pipeline_execution(pipelineName="boto3-release", pipelineExecutionId=second, abandon=True,
                               reason="boto3 stop")
    listed = [s for page in cp.get_paginator("list_pipeline_executions").paginate(
        pipelineName="boto3-release", PaginationConfig={"PageSize": 1}) for s in page["pipelineExecutionSummaries"]]
    check([s["status"] for s in listed] == ["Stopped", "Succeeded"], "both executions, newest first: %s" % listed)

    for call, error in [
        (lambda: cp.get_pipeline_execution(pipelineName="boto3-release",
                                           pipelineExecutionId="11111111-2222-3333-4444-555555555555"),
         cp.exceptions.PipelineExecutionNotFoundException),
        (lambda: cp.stop_pipeline_execution(pipelineName="boto3-release", pipelineExecutionId=second),
         cp.exceptions.PipelineExecutionNotStoppableException),
        (lambda: cp.start_pipeline_execution(name="nowhere"), cp.exceptions.PipelineNotFoundException),
        (lambda: cp.disable_stage_transition(pipelineName="boto3-release", stageName="Nope",
                                             transitionType="Inbound", reason="x"),
         cp.exceptions.StageNotFoundException),
    ]:
        try:
            call()
            check(False, "expected %s" % error.__name__)
        except error:
            check(True, error.__name__)
    cp.delete_pipeline(name="boto3-release")
    cp.delete_custom_action_type(category="Build", provider="Boto3PipelineBuild", version="1")
    print("boto3 pipeline: %d checks passed" % checks)


if __name__ == "__main__":
    main(sys.argv[1])
