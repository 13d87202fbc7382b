#!/usr/bin/env python3
"""Action types and pipelines through boto3, run against the standalone mock.

Usage: python3 boto3_control_plane.py http://127.0.0.1:PORT

Creates the user guide tutorials' custom build action type and pipeline (S3 source, the custom build action, a
Lambda invoke action), reads, updates, lists (with boto3's own paginators) and deletes them, and reaches every
declaration error through boto3's own exception classes (client.exceptions.*). Exits 0 and prints
"boto3 control plane: N checks passed" when all went as CodePipeline answers; fails loudly otherwise.
"""
import copy
import sys

import boto3
from botocore.config import Config

FAKE = {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region_name": "us-east-1"}
CUSTOM_BUILD = {"category": "Build", "owner": "Custom", "provider": "Boto3JenkinsBuild", "version": "1"}
checks = 0


def check(condition, what):
    global checks
    assert condition, what
    checks += 1


def tutorial(name):
    return {
        "name": name,
        "roleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
        "artifactStore": {"type": "S3", "location": "codepipeline-us-east-1-1234567890"},
        "stages": [
            {"name": "Source", "actions": [{
                "name": "Source",
                "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                "configuration": {"S3Bucket": "awscodepipeline-demobucket", "S3ObjectKey": "SampleApp.zip",
                                  "PollForSourceChanges": "false"},
                "outputArtifacts": [{"name": "SourceArtifact"}], "namespace": "SourceVariables"}]},
            {"name": "Build", "actions": [{
                "name": "MyCustomBuild", "actionTypeId": CUSTOM_BUILD,
                "configuration": {"ProjectName": "MyDemoProject", "Token": "t0ps3cret"},
                "inputArtifacts": [{"name": "SourceArtifact"}], "outputArtifacts": [{"name": "BuildArtifact"}]}]},
            {"name": "Invoke", "actions": [{
                "name": "MyLambdaFunction",
                "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "Lambda", "version": "1"},
                "configuration": {"FunctionName": "MyLambdaFunctionForAWSCodePipeline",
                                  "UserParameters": "#{SourceVariables.ETag}"},
                "inputArtifacts": [{"name": "BuildArtifact"}]}]},
        ],
    }


def refused(client, exception, call, *fragments, **kwargs):
    """The call must fail with boto3's exception class `exception`, its message holding every fragment."""
    try:
        call(**kwargs)
    except exception as error:
        message = error.response["Error"]["Message"]
        for fragment in fragments:
            check(fragment in message, f"{exception.__name__}: '{fragment}' not in '{message}'")
        return
    raise AssertionError(f"expected {exception.__name__}, but the call succeeded")


def main(endpoint):
    client = boto3.client("codepipeline", endpoint_url=endpoint,
                          config=Config(retries={"total_max_attempts": 1}), **FAKE)
    unchecked = boto3.client("codepipeline", endpoint_url=endpoint,
                             config=Config(retries={"total_max_attempts": 1}, parameter_validation=False), **FAKE)
    errors = client.exceptions

    created = client.create_custom_action_type(
        category="Build", provider="Boto3JenkinsBuild", version="1",
        configurationProperties=[
            {"name": "ProjectName", "required": True, "key": True, "secret": False, "queryable": True},
            {"name": "Token", "required": False, "key": False, "secret": True}],
        inputArtifactDetails={"minimumCount": 1, "maximumCount": 1},
        outputArtifactDetails={"minimumCount": 0, "maximumCount": 1},
        tags=[{"key": "team", "value": "builds"}])
    check(created["actionType"]["id"] == CUSTOM_BUILD, "created type id")
    listed = [t["id"] for page in client.get_paginator("list_action_types").paginate() for t in page["actionTypes"]]
    check(CUSTOM_BUILD in listed and len(listed) == len({str(i) for i in listed}), "paginated list, no repeats")
    custom = [t["id"] for t in client.list_action_types(actionOwnerFilter="Custom")["actionTypes"]]
    check(CUSTOM_BUILD in custom and all(i["owner"] == "Custom" for i in custom), "owner filter")
    s3 = client.get_action_type(category="Source", owner="AWS", provider="S3", version="1")["actionType"]
    check(s3["outputArtifactDetails"]["maximumCount"] == 1, "GetActionType of S3")
    refused(client, errors.ActionTypeNotFoundException, client.get_action_type, "Nobody",
            category="Build", owner="ThirdParty", provider="Nobody", version="1")

    pipeline = client.create_pipeline(pipeline=tutorial("Boto3Pipeline"))["pipeline"]
    check(pipeline["version"] == 1, "created as version 1")
    got = client.get_pipeline(name="Boto3Pipeline")
    check(got["metadata"]["pipelineArn"].endswith(":Boto3Pipeline"), "metadata")
    build = got["pipeline"]["stages"][1]["actions"][0]["configuration"]
    check(build["Token"] == "****", "secret masked")
    updated = copy.deepcopy(got["pipeline"])
    updated["stages"][2]["actions"][0]["configuration"]["UserParameters"] = "changed"
    check(client.update_pipeline(pipeline=updated)["pipeline"]["version"] == 2, "update is version 2")
    check(client.get_pipeline(name="Boto3Pipeline", version=1)["pipeline"]["stages"][2]["actions"][0]
          ["configuration"]["UserParameters"] == "#{SourceVariables.ETag}", "version 1 kept")
    refused(client, errors.PipelineVersionNotFoundException, client.get_pipeline, "version 3",
            name="Boto3Pipeline", version=3)
    refused(client, errors.PipelineNameInUseException, client.create_pipeline, "Boto3Pipeline",
            pipeline=tutorial("Boto3Pipeline"))
    for name in ("Boto3B", "Boto3C"):
        client.create_pipeline(pipeline=tutorial(name))
    names = [p["name"] for page in client.get_paginator("list_pipelines").paginate(PaginationConfig={"PageSize": 1})
             for p in page["pipelines"] if p["name"].startswith("Boto3")]
    check(names == ["Boto3B", "Boto3C", "Boto3Pipeline"], f"paginated pipelines {names}")

    one_stage = tutorial("Broken")
    one_stage["stages"] = one_stage["stages"][:1]
    refused(client, errors.InvalidStructureException, client.create_pipeline, "Broken", pipeline=one_stage)
    empty_stage = tutorial("Broken")
    empty_stage["stages"][1]["actions"] = []
    refused(client, errors.InvalidStageDeclarationException, client.create_pipeline, "Build", pipeline=empty_stage)
    no_input = tutorial("Broken")
    no_input["stages"][1]["actions"][0]["inputArtifacts"] = [{"name": "Nowhere"}]
    refused(client, errors.InvalidActionDeclarationException, client.create_pipeline, "MyCustomBuild", "Nowhere",
            pipeline=no_input)
    blockers = tutorial("Broken")
    blockers["stages"][1]["blockers"] = [{"name": "Nightly", "type": "Schedule"}] * 2
    refused(client, errors.InvalidBlockerDeclarationException, client.create_pipeline, "Nightly", pipeline=blockers)
    too_many = tutorial("Broken")
    too_many["stages"] += [{"name": f"Approve{i}", "actions": [{"name": "Approve", "actionTypeId": {
        "category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}}]} for i in range(48)]
    refused(client, errors.LimitExceededException, client.create_pipeline, "51", pipeline=too_many)
    run_order = tutorial("Broken")
    run_order["stages"][1]["actions"][0]["runOrder"] = 0
    refused(unchecked, errors.ValidationException, unchecked.create_pipeline, "runOrder", pipeline=run_order)
    refused(client, errors.PipelineNotFoundException, client.update_pipeline, "Nowhere", pipeline=tutorial("Nowhere"))

    for name in ("Boto3Pipeline", "Boto3B", "Boto3C"):
        client.delete_pipeline(name=name)
    check(not [p for p in client.list_pipelines()["pipelines"] if p["name"].startswith("Boto3")], "all deleted")
    refused(client, errors.PipelineNotFoundException, client.get_pipeline, "Boto3Pipeline", name="Boto3Pipeline")
    client.delete_custom_action_type(category="Build", provider="Boto3JenkinsBuild", version="1")
    check(CUSTOM_BUILD not in [t["id"] for t in client.list_action_types(actionOwnerFilter="Custom")["actionTypes"]],
          "type deleted")
    print(f"boto3 control plane: {checks} checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
