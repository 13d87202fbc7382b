package io.github.cptestkit.wire;

/**
 * Ready-made situations for fake jobs. A preset sets defaults; what you set on the builder wins, whatever the
 * order of the calls.
 *
 * <pre>{@code
 * FakeThirdPartyJob job = FakeJobs.thirdParty().preset(Preset.MAXIMAL).build();
 * FakeCustomJob deploy = FakeJobs.withSeed(42).custom().preset(Preset.DEPLOY_WITH_KMS).region("eu-west-1").build();
 * }</pre>
 */
public enum Preset {
    /**
     * What AWS always sends and nothing more, every free string at its minimum length: a one-character provider,
     * version, pipeline, stage and action name and nonce (and client token); no artifacts, an empty
     * configuration, no encryption key, no continuation token. Ids stay UUIDs.
     */
    MINIMAL,
    /**
     * Every optional member present and every string at its maximum length: 5 input and 5 output artifacts, 10
     * configuration properties (keys of 50, values of 1000 characters), revisions of 1500, a continuation token
     * of 2048, an encryption key id of 400, a nonce of 50 and a client token of 256 characters. Job ids stay
     * UUIDs: GetThirdPartyJobDetails allows third-party job ids of up to 512 characters, but PollForThirdPartyJobs
     * lists them as UUIDs, so a longer one could never be polled.
     */
    MAXIMAL,
    /** A Build action with one input artifact holding a small source tree (README, buildspec, code) and one output. */
    BUILD_WITH_SOURCE_ZIP,
    /** A Deploy action with one input artifact holding a deployable bundle, artifacts encrypted with a KMS key. */
    DEPLOY_WITH_KMS,
    /** Configuration properties that look like secrets (API token, password, webhook secret), all fake. */
    SECRET_CONFIGURATION,
    /** A job continuing an earlier one: {@code data.continuationToken} is set. */
    CONTINUATION,
    /** Free text (configuration values) in many scripts, with characters outside the Basic Multilingual Plane. */
    UNICODE,
    /**
     * A Lambda invoke action: owner AWS, category Invoke, provider Lambda, configuration FunctionName and
     * UserParameters. For {@code custom()} and {@code lambdaInvokeEvent()}; third-party jobs cannot be Lambda
     * invoke jobs.
     */
    LAMBDA_INVOKE
}
