#!/usr/bin/env python3
"""A third-party (partner action) job worker written with boto3, run against the standalone mock.

Usage: python3 boto3_worker.py http://127.0.0.1:PORT

It queues two jobs of its own action type through the mock's admin API (a build job with a source zip, and a
maximal one: five input and five output artifacts, a KMS key, a 256-character client token), then works them as a
real partner worker does: poll, look up the client token of each job's client, get the details, acknowledge, download
and unzip every input artifact with the job's temporary credentials, upload every output artifact (SSE-KMS with the
job's key when it has one) and put a success result. Finally it reads the mock's view back through the admin API.
Exits 0 and prints "boto3 worker: N jobs succeeded" when all went as a worker expects; fails loudly otherwise.
"""
import io
import json
import sys
import urllib.request
import zipfile

import boto3
from botocore.config import Config

ACTION_TYPE = {"category": "Build", "owner": "ThirdParty", "provider": "Boto3Worker", "version": "1"}
FAKE = {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region_name": "us-east-1"}
ONE_ATTEMPT = Config(retries={"total_max_attempts": 1})


def admin(endpoint, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(endpoint + "/__admin/codepipeline/" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
        return json.loads(raw) if response.headers.get("Content-Type", "").startswith("application/json") else raw


def work(endpoint, codepipeline, job_id, client_token):
    details = codepipeline.get_third_party_job_details(jobId=job_id, clientToken=client_token)["jobDetails"]
    status = codepipeline.acknowledge_third_party_job(jobId=job_id, nonce=details["nonce"],
                                                      clientToken=client_token)["status"]
    assert status == "InProgress", f"acknowledge answered {status}"
    data = details["data"]
    credentials = data["artifactCredentials"]
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id=credentials["accessKeyId"],
                      aws_secret_access_key=credentials["secretAccessKey"],
                      aws_session_token=credentials["sessionToken"],
                      config=Config(s3={"addressing_style": "path"}, retries={"total_max_attempts": 1}))
    names = []
    for artifact in data.get("inputArtifacts", []):
        location = artifact["location"]["s3Location"]
        body = s3.get_object(Bucket=location["bucketName"], Key=location["objectKey"])["Body"].read()
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names.extend(artifact["name"] + "/" + name for name in archive.namelist())
    manifest = io.BytesIO()
    with zipfile.ZipFile(manifest, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"job": job_id, "inputs": names}))
    extra = {}
    if data.get("encryptionKey"):
        extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": data["encryptionKey"]["id"]}
    for artifact in data.get("outputArtifacts", []):
        location = artifact["location"]["s3Location"]
        s3.put_object(Bucket=location["bucketName"], Key=location["objectKey"], Body=manifest.getvalue(), **extra)
    codepipeline.put_third_party_job_success_result(
        jobId=job_id, clientToken=client_token,
        currentRevision={"revision": "boto3-" + job_id[:8], "changeIdentifier": "c-1"},
        executionDetails={"summary": f"read {len(names)} files", "percentComplete": 100})
    return data, names


def main(endpoint):
    queued = []
    for preset in ("build-with-source-zip", "maximal"):
        order = {"preset": preset, "actionTypeId": {k: v for k, v in ACTION_TYPE.items() if k != "owner"}}
        queued += admin(endpoint, "POST", "jobs", order)["jobs"]
    tokens = {job["clientId"]: job["clientToken"] for job in queued}   # the partner's client registrations

    codepipeline = boto3.client("codepipeline", endpoint_url=endpoint, config=ONE_ATTEMPT, **FAKE)
    polled = codepipeline.poll_for_third_party_jobs(actionTypeId=ACTION_TYPE, maxBatchSize=5)["jobs"]
    assert [job["jobId"] for job in polled] == [job["jobId"] for job in queued], f"polled {polled}"

    for job in polled:
        data, names = work(endpoint, codepipeline, job["jobId"], tokens[job["clientId"]])
        shown = admin(endpoint, "GET", "jobs/" + job["jobId"])
        assert shown["status"] == "Succeeded", f"job {job['jobId']} is {shown['status']}"
        assert [call["operation"] for call in shown["calls"]] == [
            "PollForThirdPartyJobs", "GetThirdPartyJobDetails", "AcknowledgeThirdPartyJob",
            "PutThirdPartyJobSuccessResult"], shown["calls"]
        for artifact in data.get("outputArtifacts", []):
            stored = admin(endpoint, "GET", f"jobs/{job['jobId']}/artifacts/{artifact['name']}?format=entries")
            manifest = json.loads(stored["entries"][0]["text"])
            assert manifest == {"job": job["jobId"], "inputs": names}, manifest
            expected = "aws:kms" if data.get("encryptionKey") else "AES256"
            assert stored["serverSideEncryption"] == expected, stored
        print(f"boto3 worker: job {job['jobId']}: {len(data.get('inputArtifacts', []))} inputs read"
              f" ({len(names)} files), {len(data.get('outputArtifacts', []))} outputs written,"
              f" encrypted={bool(data.get('encryptionKey'))}")

    violations = admin(endpoint, "GET", "kms-violations")["kmsViolations"]
    assert violations == [], violations
    print(f"boto3 worker: {len(polled)} jobs succeeded")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 boto3_worker.py http://127.0.0.1:PORT")
    main(sys.argv[1].rstrip("/"))
