#!/usr/bin/env bash
# The AWS CLI against the standalone mock's HTTPS port: AWS_CA_BUNDLE names the CA file the mock printed.
# Usage: AWS_CA_BUNDLE=ca.pem bash aws_cli_https.sh https://127.0.0.1:PORT CATEGORY/PROVIDER/VERSION
# Works one queued custom job of that type: poll, acknowledge, upload its output with SSE-KMS and the job's
# credentials, put a success result. Prints "cli https: ..." lines; exits non-zero on any failure.
set -euo pipefail
endpoint=$1
IFS=/ read -r category provider version <<< "$2"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_PAGER=""
pipeline() { aws --endpoint-url "$endpoint" codepipeline "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

job=$(pipeline poll-for-jobs --action-type-id "category=$category,owner=Custom,provider=$provider,version=$version")
id=$(field '["jobs"][0]["id"]' <<< "$job")
nonce=$(field '["jobs"][0]["nonce"]' <<< "$job")
status=$(pipeline acknowledge-job --job-id "$id" --nonce "$nonce" --query status --output text)
echo "cli https: job $id polled and acknowledged ($status)"

key=$(field '["jobs"][0]["data"]["encryptionKey"]["id"]' <<< "$job")
bucket=$(field '["jobs"][0]["data"]["outputArtifacts"][0]["location"]["s3Location"]["bucketName"]' <<< "$job")
object=$(field '["jobs"][0]["data"]["outputArtifacts"][0]["location"]["s3Location"]["objectKey"]' <<< "$job")
python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1],'w').writestr('cli.txt','over https')" out.zip
(
  export AWS_ACCESS_KEY_ID=$(field '["jobs"][0]["data"]["artifactCredentials"]["accessKeyId"]' <<< "$job")
  export AWS_SECRET_ACCESS_KEY=$(field '["jobs"][0]["data"]["artifactCredentials"]["secretAccessKey"]' <<< "$job")
  export AWS_SESSION_TOKEN=$(field '["jobs"][0]["data"]["artifactCredentials"]["sessionToken"]' <<< "$job")
  aws --endpoint-url "$endpoint" s3api put-object --bucket "$bucket" --key "$object" --body out.zip \
      --server-side-encryption aws:kms --ssekms-key-id "$key" --query ServerSideEncryption --output text
)
rm -f out.zip
pipeline put-job-success-result --job-id "$id"
echo "cli https: job $id output uploaded with SSE-KMS, success put"
