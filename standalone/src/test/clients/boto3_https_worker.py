#!/usr/bin/env python3
"""A custom-action job worker written with boto3 that talks to the standalone mock over HTTPS and renews its
artifact credentials, as a long-running worker does.

Usage: AWS_CA_BUNDLE=<the mock's CA file> python3 boto3_https_worker.py https://127.0.0.1:PORT CATEGORY/PROVIDER/VERSION

The CA file is the one the mock printed (AWS_CA_BUNDLE is botocore's own setting: nothing machine-wide is trusted).
The worker polls one queued custom job of that action type (with an encryption key and an output artifact),
acknowledges it and downloads its input with the job's credentials. Forty minutes later (the mock's clock, moved through the admin API) it calls
GetJobDetails again, as the API reference tells a long-running job to, and gets a new set of credentials; thirty
minutes after that the first set, an hour old, is refused with ExpiredToken while the new one uploads the output
(SSE-KMS with the job's key). Prints "boto3 https worker: ..." lines and exits 0 when all went as a worker expects.
"""
import io
import json
import os
import ssl
import sys
import urllib.request
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

FAKE = {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region_name": "us-east-1"}
ONE_ATTEMPT = Config(retries={"total_max_attempts": 1})
TLS = ssl.create_default_context(cafile=os.environ["AWS_CA_BUNDLE"])


def admin(endpoint, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(endpoint + "/__admin/codepipeline/" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30, context=TLS) as response:
        return json.loads(response.read())


def s3_with(endpoint, credentials):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id=credentials["accessKeyId"],
                        aws_secret_access_key=credentials["secretAccessKey"],
                        aws_session_token=credentials["sessionToken"],
                        config=Config(s3={"addressing_style": "path"}, retries={"total_max_attempts": 1}))


def main(endpoint, action_type):
    category, provider, version = action_type.split("/")
    codepipeline = boto3.client("codepipeline", endpoint_url=endpoint, config=ONE_ATTEMPT, **FAKE)

    job = codepipeline.poll_for_jobs(actionTypeId={"category": category, "owner": "Custom", "provider": provider,
                                                   "version": version})["jobs"][0]
    job_id = job["id"]
    status = codepipeline.acknowledge_job(jobId=job_id, nonce=job["nonce"])["status"]
    assert status == "InProgress", status
    data = job["data"]
    first = data["artifactCredentials"]
    source = data["inputArtifacts"][0]["location"]["s3Location"]
    body = s3_with(endpoint, first).get_object(Bucket=source["bucketName"], Key=source["objectKey"])["Body"].read()
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    print(f"boto3 https worker: job {job_id}: polled and acknowledged over HTTPS, {len(names)} input files read")

    admin(endpoint, "POST", "clock/advance", {"duration": "PT40M"})
    renewed = codepipeline.get_job_details(jobId=job_id)["jobDetails"]["data"]["artifactCredentials"]
    assert renewed["accessKeyId"] != first["accessKeyId"], "GetJobDetails answered the same access key"
    assert renewed["sessionToken"] != first["sessionToken"], "GetJobDetails answered the same session token"
    print("boto3 https worker: GetJobDetails after 40 minutes answered new credentials")

    admin(endpoint, "POST", "clock/advance", {"duration": "PT30M"})
    try:
        s3_with(endpoint, first).get_object(Bucket=source["bucketName"], Key=source["objectKey"])
        raise AssertionError("the first credentials still worked 70 minutes after they were handed out")
    except ClientError as error:
        code = error.response["Error"]["Code"]
        assert code == "ExpiredToken", code
    print("boto3 https worker: the first credentials expired on their own time (ExpiredToken)")

    output = data["outputArtifacts"][0]["location"]["s3Location"]
    manifest = io.BytesIO()
    with zipfile.ZipFile(manifest, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("names.txt", "\n".join(names))
    s3_with(endpoint, renewed).put_object(Bucket=output["bucketName"], Key=output["objectKey"],
                                          Body=manifest.getvalue(), ServerSideEncryption="aws:kms",
                                          SSEKMSKeyId=data["encryptionKey"]["id"])
    codepipeline.put_job_success_result(jobId=job_id)
    shown = admin(endpoint, "GET", "jobs/" + job_id)
    assert shown["status"] == "Succeeded", shown["status"]
    assert admin(endpoint, "GET", "kms-violations")["kmsViolations"] == []
    print("boto3 https worker: the renewed credentials uploaded the output; job succeeded")


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[1].startswith("https://"):
        sys.exit("usage: AWS_CA_BUNDLE=ca.pem python3 boto3_https_worker.py https://127.0.0.1:PORT"
                 " CATEGORY/PROVIDER/VERSION")
    main(sys.argv[1].rstrip("/"), sys.argv[2])
