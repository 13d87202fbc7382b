#!/usr/bin/env bash
# The AWS CLI driving the standalone mock through every job command, and one error.
#
# Usage: bash aws_cli_jobs.sh ENDPOINT THIRD_PARTY_TYPE CUSTOM_TYPE CLIENT_ID=TOKEN [CLIENT_ID=TOKEN...]
#   THIRD_PARTY_TYPE, CUSTOM_TYPE: CATEGORY/PROVIDER/VERSION of a queued third-party and custom job
#   CLIENT_ID=TOKEN: the partner's client registrations (the ready line lists those of the queued jobs)
# Prints one line per step; exits non-zero at the first unexpected answer.
set -euo pipefail

endpoint=$1 third_party=$2 custom=$3
shift 3
declare -A tokens
for pair in "$@"; do tokens[${pair%%=*}]=${pair#*=}; done

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_PAGER=""

codepipeline() { aws codepipeline "$@" --endpoint-url "$endpoint" --output text; }
type_id() { IFS=/ read -r category provider version <<<"$1"; echo "category=$category,owner=$2,provider=$provider,version=$version"; }

# A partner (third-party) action: poll, details, acknowledge, success.
read -r client job <<<"$(codepipeline poll-for-third-party-jobs --action-type-id "$(type_id "$third_party" ThirdParty)" \
    --max-batch-size 1 --query 'jobs[0].[clientId,jobId]')"
token=${tokens[$client]:?no client token registered for client $client}
nonce=$(codepipeline get-third-party-job-details --job-id "$job" --client-token "$token" --query 'jobDetails.nonce')
status=$(codepipeline acknowledge-third-party-job --job-id "$job" --nonce "$nonce" --client-token "$token" --query status)
[ "$status" = InProgress ] || { echo "acknowledge-third-party-job answered $status" >&2; exit 1; }
codepipeline put-third-party-job-success-result --job-id "$job" --client-token "$token" \
    --current-revision revision=cli-1,changeIdentifier=c-1 --execution-details summary=done,percentComplete=100
echo "third-party job $job: polled, details, acknowledged ($status), success put"

# A second partner job fails.
read -r client job <<<"$(codepipeline poll-for-third-party-jobs --action-type-id "$(type_id "$third_party" ThirdParty)" \
    --query 'jobs[0].[clientId,jobId]')"
token=${tokens[$client]:?no client token registered for client $client}
nonce=$(codepipeline get-third-party-job-details --job-id "$job" --client-token "$token" --query 'jobDetails.nonce')
codepipeline acknowledge-third-party-job --job-id "$job" --nonce "$nonce" --client-token "$token" --query status >/dev/null
codepipeline put-third-party-job-failure-result --job-id "$job" --client-token "$token" \
    --failure-details type=JobFailed,message="the build broke"
echo "third-party job $job: failure put"

# A custom action: poll (nonce and data included), details, acknowledge, success with an output variable.
read -r id nonce <<<"$(codepipeline poll-for-jobs --action-type-id "$(type_id "$custom" Custom)" --query 'jobs[0].[id,nonce]')"
[ "$(codepipeline get-job-details --job-id "$id" --query jobDetails.id)" = "$id" ]
status=$(codepipeline acknowledge-job --job-id "$id" --nonce "$nonce" --query status)
codepipeline put-job-success-result --job-id "$id" --output-variables IMAGE_TAG=1.2.3
echo "custom job $id: polled, details, acknowledged ($status), success put"

# An error: the CLI shows AWS's error code.
if answer=$(codepipeline get-job-details --job-id 11111111-2222-3333-4444-555555555555 2>&1); then
    echo "get-job-details of an unknown job succeeded: $answer" >&2
    exit 1
fi
echo "error: $answer"
