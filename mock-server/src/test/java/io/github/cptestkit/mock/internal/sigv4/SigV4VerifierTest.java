package io.github.cptestkit.mock.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.internal.sigv4.SigV4Rejection.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The verifier against signatures made by the AWS SDK for Java v2's own SigV4 signer: CodePipeline calls (the
 * optional check of worker credentials), query-signed requests, and the canonical URI and query rules.
 */
class SigV4VerifierTest {

    private static final String KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String BODY = "{\"actionTypeId\": {\"category\": \"Build\", \"owner\": \"ThirdParty\","
            + " \"provider\": \"MyCi\", \"version\": \"1\"}}";

    private final MockClock clock = MockClock.at(Instant.now());
    private final SigV4Verifier verifier = new SigV4Verifier(clock);
    private final CredentialsLookup worker = id -> KEY_ID.equals(id)
            ? Optional.of(SigningCredentials.permanent(SECRET)) : Optional.empty();

    @Test
    void aCodePipelineCallSignedByTheSdkVerifies() {
        io.github.cptestkit.mock.internal.sigv4.SignedRequest request = codePipelineCall(BODY);

        VerifiedSignature verified = verifier.verify(request, "codepipeline", worker);

        assertThat(verified.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(verified.scope().service()).isEqualTo("codepipeline");
        assertThat(verified.scope().region()).isEqualTo("eu-west-1");
        assertThat(verified.presigned()).isFalse();
    }

    @Test
    void theMethodTakingTheRequestsPartsVerifiesTheSame() {
        io.github.cptestkit.mock.internal.sigv4.SignedRequest request = codePipelineCall(BODY);

        VerifiedSignature verified = verifier.verify(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), request.body(), "codepipeline", worker);

        assertThat(verified.accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void headerNamesInAnyCaseVerify() {
        io.github.cptestkit.mock.internal.sigv4.SignedRequest signed = codePipelineCall(BODY);
        Map<String, List<String>> upper = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> upper.put(name.toUpperCase(Locale.ROOT), values));

        VerifiedSignature verified = verifier.verify(new io.github.cptestkit.mock.internal.sigv4.SignedRequest(
                "POST", "/", "", upper, signed.body()), "codepipeline", worker);

        assertThat(verified.accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void aChangedBodyIsRejected() {
        io.github.cptestkit.mock.internal.sigv4.SignedRequest signed = codePipelineCall(BODY);

        SigV4Rejection rejection = catchThrowableOfType(SigV4Rejection.class, () -> verifier.verify(
                new io.github.cptestkit.mock.internal.sigv4.SignedRequest("POST", "/", "", signed.headers(),
                        BODY.replace("MyCi", "Evil").getBytes(StandardCharsets.UTF_8)), "codepipeline", worker));

        assertThat(rejection.reason()).isIn(Reason.SIGNATURE_MISMATCH, Reason.PAYLOAD_HASH_MISMATCH);
    }

    @Test
    void theWrongSecretIsASignatureMismatchThatShowsTheStringToSign() {
        CredentialsLookup wrongSecret = id -> Optional.of(SigningCredentials.permanent("not-the-secret"));

        SigV4Rejection rejection = catchThrowableOfType(SigV4Rejection.class,
                () -> verifier.verify(codePipelineCall(BODY), "codepipeline", wrongSecret));

        assertThat(rejection.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(rejection.details().get("StringToSign")).startsWith("AWS4-HMAC-SHA256\n")
                .contains("/eu-west-1/codepipeline/aws4_request");
        assertThat(rejection.getMessage()).doesNotContain(SECRET).doesNotContain("not-the-secret");
    }

    @Test
    void anUnknownAccessKeyIsRejected() {
        SigV4Rejection rejection = catchThrowableOfType(SigV4Rejection.class,
                () -> verifier.verify(codePipelineCall(BODY), "codepipeline", id -> Optional.empty()));

        assertThat(rejection.reason()).isEqualTo(Reason.UNKNOWN_ACCESS_KEY);
    }

    @Test
    void temporaryCredentialsVerifyOnlyWithTheirSessionToken() {
        SdkHttpRequest request = codePipelineHttpRequest(BODY);
        io.github.cptestkit.mock.internal.sigv4.SignedRequest signed = toVerifiable(sign(request, BODY,
                AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, "the-token"), "codepipeline", Map.of()), BODY);

        VerifiedSignature verified = verifier.verify(signed, "codepipeline",
                id -> Optional.of(SigningCredentials.temporary(SECRET, "the-token")));
        SigV4Rejection otherToken = catchThrowableOfType(SigV4Rejection.class, () -> verifier.verify(signed,
                "codepipeline", id -> Optional.of(SigningCredentials.temporary(SECRET, "another-token"))));
        SigV4Rejection noToken = catchThrowableOfType(SigV4Rejection.class, () -> verifier.verify(
                codePipelineCall(BODY), "codepipeline",
                id -> Optional.of(SigningCredentials.temporary(SECRET, "the-token"))));

        assertThat(verified.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(otherToken.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(noToken.reason()).isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    void aSignatureForAnotherServiceIsMalformed() {
        SigV4Rejection rejection = catchThrowableOfType(SigV4Rejection.class,
                () -> verifier.verify(codePipelineCall(BODY), "s3", worker));

        assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED_AUTHORIZATION);
        assertThat(rejection.getMessage()).contains("'codepipeline'").contains("'s3'");
    }

    @Test
    void anUnsignedRequestIsMissingAuthentication() {
        SigV4Rejection rejection = catchThrowableOfType(SigV4Rejection.class, () -> verifier.verify(
                io.github.cptestkit.mock.internal.sigv4.SignedRequest.of("POST", "/", Map.of("Host",
                        List.of("localhost")), new byte[0]), "codepipeline", worker));

        assertThat(rejection.reason()).isEqualTo(Reason.MISSING_AUTHENTICATION);
    }

    @Test
    void aQuerySignedRequestVerifiesUntilItExpiresOnTheInjectedClock() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http")
                .host("localhost").port(8080).encodedPath("/reports/daily").putRawQueryParameter("format", "csv")
                .build();
        io.github.cptestkit.mock.internal.sigv4.SignedRequest signed = toVerifiable(sign(request, "",
                AwsCredentialsIdentity.create(KEY_ID, SECRET), "execute-api", Map.of(
                        AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING,
                        AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))), "");

        VerifiedSignature verified = verifier.verify(signed, "execute-api", worker);
        clock.advance(Duration.ofSeconds(120));
        SigV4Rejection expired = catchThrowableOfType(SigV4Rejection.class,
                () -> verifier.verify(signed, "execute-api", worker));

        assertThat(verified.presigned()).isTrue();
        assertThat(expired.reason()).isEqualTo(Reason.REQUEST_EXPIRED);
    }

    @Test
    void pathsAreEncodedTwiceForMostServicesAndOnceForS3AsTheSdkSigns() {
        String path = "/my%20folder/a%2Bb/%C3%BC~x";
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http")
                .host("localhost").port(8080).encodedPath(path).build();
        io.github.cptestkit.mock.internal.sigv4.SignedRequest apiGateway = toVerifiable(sign(request, "",
                AwsCredentialsIdentity.create(KEY_ID, SECRET), "execute-api", Map.of()), "");
        io.github.cptestkit.mock.internal.sigv4.SignedRequest s3 = toVerifiable(sign(request, "",
                AwsCredentialsIdentity.create(KEY_ID, SECRET), "s3", Map.of(
                        AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false, AwsV4FamilyHttpSigner.NORMALIZE_PATH, false,
                        AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)), "");

        assertThat(verifier.verify(apiGateway, "execute-api", worker).accessKeyId()).isEqualTo(KEY_ID);
        assertThat(verifier.verify(s3, "s3", worker).payloadHash()).isEqualTo(SigV4.EMPTY_SHA256);
        assertThat(SigV4.canonicalUri(path, true)).isEqualTo("/my%20folder/a%2Bb/%C3%BC~x");
        assertThat(SigV4.canonicalUri(path, false)).isEqualTo("/my%2520folder/a%252Bb/%25C3%25BC~x");
    }

    @Test
    void queryParametersAreSortedAndEncodedAsTheSdkSigns() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http")
                .host("localhost").port(8080).encodedPath("/")
                .putRawQueryParameter("zeta", "last")
                .putRawQueryParameter("alpha", List.of("2", "1"))
                .putRawQueryParameter("path", "a/b c+d")
                .putRawQueryParameter("empty", (String) null)
                .build();
        io.github.cptestkit.mock.internal.sigv4.SignedRequest signed = toVerifiable(sign(request, "",
                AwsCredentialsIdentity.create(KEY_ID, SECRET), "execute-api", Map.of()), "");

        assertThat(verifier.verify(signed, "execute-api", worker).accessKeyId()).isEqualTo(KEY_ID);
        assertThat(SigV4.canonicalQuery("zeta=last&alpha=2&alpha=1&path=a%2Fb%20c%2Bd&empty", java.util.Set.of()))
                .isEqualTo("alpha=1&alpha=2&empty=&path=a%2Fb%20c%2Bd&zeta=last");
    }

    @Test
    void aSignatureMismatchQuotesTheCanonicalRequestWithoutTheSessionTokenItCarries() {
        String token = "FwoGZ/session+token=";
        String canonical = "GET\n/bucket/key\nX-Amz-Security-Token=" + SigV4.uriEncode(token, true)
                + "\nhost:localhost\nx-amz-security-token:" + token + "\n\nhost;x-amz-security-token\nUNSIGNED-PAYLOAD";

        String shown = SigV4Verifier.withoutSessionToken(canonical, SigningCredentials.temporary("secret", token));

        assertThat(shown).doesNotContain(token, SigV4.uriEncode(token, true))
                .contains("X-Amz-Security-Token=*** Sensitive Data Redacted ***",
                        "x-amz-security-token:*** Sensitive Data Redacted ***");
    }

    private static SdkHttpRequest codePipelineHttpRequest(String body) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("localhost").port(8080)
                .encodedPath("/")
                .putHeader("X-Amz-Target", "CodePipeline_20150709.PollForThirdPartyJobs")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("amz-sdk-request", "attempt=1;  max=4")
                .putHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
                .build();
    }

    private static io.github.cptestkit.mock.internal.sigv4.SignedRequest codePipelineCall(String body) {
        return toVerifiable(sign(codePipelineHttpRequest(body), body, AwsCredentialsIdentity.create(KEY_ID, SECRET),
                "codepipeline", Map.of()), body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SdkHttpRequest sign(SdkHttpRequest request, String body, AwsCredentialsIdentity identity,
            String service, Map<software.amazon.awssdk.http.auth.spi.signer.SignerProperty<?>, Object> properties) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity).request(request)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1");
            properties.forEach((property, value) -> r.putProperty((software.amazon.awssdk.http.auth.spi.signer
                    .SignerProperty) property, value));
        });
        return signed.request();
    }

    /** The request as a server receives it: the Host header the client sends, the encoded path and query. */
    private static io.github.cptestkit.mock.internal.sigv4.SignedRequest toVerifiable(SdkHttpRequest request,
            String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.putIfAbsent("Host", List.of(request.host() + ":" + request.port()));
        String query = request.encodedQueryParameters().orElse("");
        return new io.github.cptestkit.mock.internal.sigv4.SignedRequest(request.method().name(), request.encodedPath(),
                query, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
