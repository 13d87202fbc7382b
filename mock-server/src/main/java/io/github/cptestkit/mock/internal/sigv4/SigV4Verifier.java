package io.github.cptestkit.mock.internal.sigv4;

import io.github.cptestkit.mock.internal.sigv4.SigV4Rejection.Reason;
import io.github.cptestkit.schemas.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the AWS Signature Version 4 of a request, sent in an {@code Authorization} header or as presigned
 * {@code X-Amz-*} query parameters, for any service: the S3 edge calls it with {@code "s3"}, the CodePipeline edge
 * can call it with {@code "codepipeline"}. The canonical request follows the SigV4 specification: header names are
 * case-insensitive, values trimmed and folded; the URI is encoded once for S3 and normalised and encoded twice for
 * other services; query parameters are sorted by encoded name and value.
 *
 * <pre>{@code
 * SigV4Verifier verifier = new SigV4Verifier(Clock.systemUTC());
 * SignedRequest request = SignedRequest.of("POST", "/", headers, body);
 * try {
 *     VerifiedSignature signature = verifier.verify(request, "codepipeline",
 *             id -> Optional.ofNullable(knownWorkers.get(id)));
 * } catch (SigV4Rejection rejection) {
 *     // rejection.reason(): SIGNATURE_MISMATCH, UNKNOWN_ACCESS_KEY, ...
 * }
 * }</pre>
 *
 * <p>Header-signed requests are not checked for clock skew (the mock's clock is often far from the signer's, see
 * docs/fidelity.md); presigned requests expire on the injected clock. Thread-safe.
 */
public final class SigV4Verifier {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final String SECURITY_TOKEN = "x-amz-security-token";
    private static final Set<String> PRESIGN_SIGNATURE = Set.of("X-Amz-Signature");
    private static final int MAX_PRESIGN_SECONDS = 604_800;

    private final Clock clock;

    public SigV4Verifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies a request of the given method, raw path, raw query, headers and body; a convenience over
     * {@link #verify(SignedRequest, String, CredentialsLookup)}.
     */
    public VerifiedSignature verify(String method, String rawPath, String rawQuery,
            Map<String, List<String>> headers, byte[] body, String service, CredentialsLookup credentials) {
        return verify(new SignedRequest(method, rawPath, rawQuery, headers, body), service, credentials);
    }

    /**
     * Verifies the request's signature for {@code service}.
     *
     * @throws SigV4Rejection when the request is not signed, signed badly, by an unknown key, without its session
     *                        token, or (presigned) expired
     */
    public VerifiedSignature verify(SignedRequest request, String service, CredentialsLookup credentials) {
        boolean s3 = "s3".equals(service);
        Authentication auth = Authentication.read(request, service);
        SigningCredentials known = credentials.find(auth.accessKeyId)
                .orElseThrow(() -> auth.reject(Reason.UNKNOWN_ACCESS_KEY,
                        "The AWS access key id '" + auth.accessKeyId + "' is not known to the mock; sign with the"
                                + " credentials the job (or the mock's configuration) gave you."));
        checkSessionToken(auth, known);
        if (s3 && !auth.presigned) {
            checkAmzHeadersSigned(request, auth);
        }
        if (auth.presigned) {
            checkNotExpired(auth);
        }
        String payloadHash = payloadHash(request, auth, s3);
        String canonicalRequest = canonicalRequest(request, auth, payloadHash, s3);
        String stringToSign = SigV4.stringToSign(SigV4.ALGORITHM, auth.amzDate, auth.scope,
                SigV4.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = SigV4.signingKey(known.secretAccessKey(), auth.scope);
        if (!SigV4.sameSignature(SigV4.signature(signingKey, stringToSign), auth.signature)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("AWSAccessKeyId", auth.accessKeyId);
            details.put("StringToSign", stringToSign);
            details.put("SignatureProvided", auth.signature);
            details.put("CanonicalRequest", withoutSessionToken(canonicalRequest, known));
            throw new SigV4Rejection(Reason.SIGNATURE_MISMATCH, auth.presigned, "The request signature calculated"
                    + " from the secret of '" + auth.accessKeyId + "' does not match the signature provided; check"
                    + " the secret key and the signing method.", details);
        }
        if (payloadHash.matches("[0-9a-f]{64}")) {
            String computed = SigV4.sha256Hex(request.body());
            if (!computed.equals(payloadHash)) {
                throw new SigV4Rejection(Reason.PAYLOAD_HASH_MISMATCH, auth.presigned,
                        "The provided 'x-amz-content-sha256' header does not match what was computed.",
                        Map.of("ClientComputedContentSHA256", payloadHash, "S3ComputedContentSHA256", computed));
            }
        }
        return new VerifiedSignature(auth.accessKeyId, auth.scope, auth.amzDate, auth.signature, signingKey,
                payloadHash, auth.presigned);
    }

    private static void checkSessionToken(Authentication auth, SigningCredentials known) {
        Optional<String> expected = known.sessionToken();
        if (auth.sessionToken.isEmpty() && expected.isPresent()) {
            throw auth.reject(Reason.INVALID_TOKEN, "The request signed with temporary credentials carries no"
                    + " session token; send the credentials' session token in x-amz-security-token.");
        }
        if (auth.sessionToken.isPresent() && expected.isEmpty()) {
            throw auth.reject(Reason.INVALID_TOKEN, "The request carries a session token but its access key id"
                    + " belongs to long-term credentials; send no x-amz-security-token.");
        }
        if (auth.sessionToken.isPresent() && !MessageDigest.isEqual(
                auth.sessionToken.get().getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw auth.reject(Reason.INVALID_TOKEN, "The provided token is malformed or otherwise invalid: it is"
                    + " not the session token of access key id '" + auth.accessKeyId + "'.");
        }
    }

    private static void checkAmzHeadersSigned(SignedRequest request, Authentication auth) {
        List<String> unsigned = request.headers().keySet().stream()
                .filter(name -> name.startsWith("x-amz-") && !auth.signedHeaders.contains(name))
                .toList();
        if (!unsigned.isEmpty()) {
            throw new SigV4Rejection(Reason.HEADERS_NOT_SIGNED, false,
                    "There were headers present in the request which were not signed: " + unsigned,
                    Map.of("HeadersNotSigned", String.join(", ", unsigned)));
        }
    }

    private void checkNotExpired(Authentication auth) {
        Instant signedAt = LocalDateTime.parse(auth.amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        Instant expiresAt = signedAt.plusSeconds(auth.expiresSeconds);
        Instant now = clock.instant();
        if (now.isAfter(expiresAt)) {
            throw new SigV4Rejection(Reason.REQUEST_EXPIRED, true, "Request has expired",
                    Map.of("X-Amz-Expires", String.valueOf(auth.expiresSeconds), "Expires", expiresAt.toString(),
                            "ServerTime", now.toString()));
        }
    }

    private static String payloadHash(SignedRequest request, Authentication auth, boolean s3) {
        Optional<String> declared = request.header("x-amz-content-sha256");
        if (declared.isPresent()) {
            return declared.get();
        }
        if (s3 && auth.presigned) {
            return SigV4.UNSIGNED_PAYLOAD;
        }
        if (s3) {
            throw new SigV4Rejection(Reason.MISSING_CONTENT_SHA256, false,
                    "Missing required header for this request: x-amz-content-sha256");
        }
        return SigV4.sha256Hex(request.body());
    }

    private static String canonicalRequest(SignedRequest request, Authentication auth, String payloadHash,
            boolean s3) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method()).append('\n')
                .append(SigV4.canonicalUri(request.rawPath(), s3)).append('\n')
                .append(SigV4.canonicalQuery(request.rawQuery(),
                        auth.presigned ? PRESIGN_SIGNATURE : Set.of())).append('\n');
        for (String name : auth.signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            canonical.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                canonical.append(i == 0 ? "" : ",").append(SigV4.canonicalHeaderValue(values.get(i)));
            }
            canonical.append('\n');
        }
        canonical.append('\n').append(String.join(";", auth.signedHeaders)).append('\n').append(payloadHash);
        return canonical.toString();
    }

    /** The authentication parameters of a request, from its Authorization header or its query string. */
    private static final class Authentication {
        boolean presigned;
        String accessKeyId;
        CredentialScope scope;
        List<String> signedHeaders;
        String signature;
        String amzDate;
        long expiresSeconds;
        Optional<String> sessionToken;

        static Authentication read(SignedRequest request, String service) {
            Authentication auth = new Authentication();
            Optional<String> header = request.header("authorization");
            Map<String, String> query = request.queryParameters();
            if (header.isPresent() && header.get().trim().startsWith("AWS ")
                    || header.isEmpty() && query.containsKey("AWSAccessKeyId")) {
                auth.presigned = header.isEmpty();
                throw auth.reject(Reason.UNSUPPORTED_SIGNATURE_VERSION, "The authorization mechanism you have"
                        + " provided is not supported. Please use AWS4-HMAC-SHA256 (Signature Version 4; boto3:"
                        + " Config(signature_version='s3v4')).");
            }
            if (header.isPresent()) {
                auth.readHeader(header.get(), request);
            } else if (query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Credential")) {
                auth.readQuery(query);
            } else {
                throw new SigV4Rejection(Reason.MISSING_AUTHENTICATION, false, "The request is not signed: it has"
                        + " neither an Authorization header nor X-Amz-Signature query parameters; sign it with SigV4.");
            }
            if (!service.equals(auth.scope.service())) {
                throw auth.reject(Reason.MALFORMED_AUTHORIZATION, "The credential scope names service '"
                        + auth.scope.service() + "'; expecting '" + service + "'.");
            }
            if (!auth.amzDate.matches("\\d{8}T\\d{6}Z")) {
                throw auth.reject(Reason.MALFORMED_AUTHORIZATION, "X-Amz-Date '" + auth.amzDate
                        + "' must be in ISO 8601 basic format, yyyyMMdd'T'HHmmss'Z'.");
            }
            if (!auth.amzDate.startsWith(auth.scope.date())) {
                throw auth.reject(Reason.MALFORMED_AUTHORIZATION, "The credential scope date "
                        + auth.scope.date() + " is not the date of X-Amz-Date " + auth.amzDate + ".");
            }
            if (!auth.signedHeaders.contains("host")) {
                throw auth.reject(Reason.MALFORMED_AUTHORIZATION,
                        "SignedHeaders must include 'host'; it was '" + String.join(";", auth.signedHeaders) + "'.");
            }
            return auth;
        }

        private void readHeader(String header, SignedRequest request) {
            presigned = false;
            String trimmed = header.trim();
            if (!trimmed.startsWith(SigV4.ALGORITHM + " ")) {
                String algorithm = trimmed.split(" ", 2)[0];
                throw reject(Reason.MALFORMED_AUTHORIZATION, "The authorization algorithm '" + algorithm
                        + "' is not supported; use " + SigV4.ALGORITHM + ".");
            }
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : trimmed.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
                }
            }
            readCredential(parts.get("Credential"), "Authorization header's Credential");
            signedHeaders = signedHeaders(parts.get("SignedHeaders"), "Authorization header's SignedHeaders");
            signature = required(parts.get("Signature"), "Authorization header's Signature");
            amzDate = request.header("x-amz-date").orElseGet(() -> fromDateHeader(request));
            sessionToken = request.header(SECURITY_TOKEN);
        }

        private void readQuery(Map<String, String> query) {
            presigned = true;
            String algorithm = required(query.get("X-Amz-Algorithm"), "X-Amz-Algorithm");
            if (!SigV4.ALGORITHM.equals(algorithm)) {
                throw reject(Reason.MALFORMED_AUTHORIZATION, "X-Amz-Algorithm '" + algorithm
                        + "' is not supported; use " + SigV4.ALGORITHM + ".");
            }
            readCredential(query.get("X-Amz-Credential"), "X-Amz-Credential");
            signedHeaders = signedHeaders(query.get("X-Amz-SignedHeaders"), "X-Amz-SignedHeaders");
            signature = required(query.get("X-Amz-Signature"), "X-Amz-Signature");
            amzDate = required(query.get("X-Amz-Date"), "X-Amz-Date");
            String expires = required(query.get("X-Amz-Expires"), "X-Amz-Expires");
            try {
                expiresSeconds = Long.parseLong(expires);
            } catch (NumberFormatException e) {
                expiresSeconds = -1;
            }
            if (expiresSeconds < 1 || expiresSeconds > MAX_PRESIGN_SECONDS) {
                throw reject(Reason.MALFORMED_AUTHORIZATION, "X-Amz-Expires must be a whole number of seconds from 1"
                        + " to " + MAX_PRESIGN_SECONDS + "; it was '" + expires + "'.");
            }
            sessionToken = Optional.ofNullable(query.get("X-Amz-Security-Token"));
        }

        private void readCredential(String credential, String where) {
            String value = required(credential, where);
            int slash = value.indexOf('/');
            scope = slash <= 0 ? null : CredentialScope.parse(value.substring(slash + 1));
            if (scope == null) {
                throw reject(Reason.MALFORMED_AUTHORIZATION, "The " + where + " must be"
                        + " <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request; it was '"
                        + redactKeyOf(value) + "'.");
            }
            accessKeyId = value.substring(0, slash);
        }

        private List<String> signedHeaders(String value, String where) {
            return Arrays.stream(required(value, where).split(";"))
                    .map(name -> name.trim().toLowerCase(Locale.ROOT))
                    .toList();
        }

        private String required(String value, String where) {
            if (value == null || value.isBlank()) {
                throw reject(Reason.MALFORMED_AUTHORIZATION, "The " + where + " is missing; a SigV4 request must"
                        + " carry it.");
            }
            return value;
        }

        private String fromDateHeader(SignedRequest request) {
            String date = required(request.header("date").orElse(null), "x-amz-date (or Date) header");
            try {
                return AMZ_DATE.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .withZoneSameInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw reject(Reason.MALFORMED_AUTHORIZATION, "The Date header '" + date
                        + "' is not an RFC 1123 date; send x-amz-date in yyyyMMdd'T'HHmmss'Z' format.");
            }
        }

        private static String redactKeyOf(String credential) {
            int slash = credential.indexOf('/');
            return slash < 0 ? "…" : "…" + credential.substring(slash);
        }

        SigV4Rejection reject(Reason reason, String message) {
            return new SigV4Rejection(reason, presigned, message);
        }
    }

    /**
     * The canonical request as the error shows it: S3 quotes it whole, session token included (in the query of a
     * presigned URL, or the {@code x-amz-security-token} header line); the mock hides the token, which is a
     * credential it handed out. The StringToSign still hashes the real canonical request.
     */
    static String withoutSessionToken(String canonicalRequest, SigningCredentials credentials) {
        if (credentials.sessionToken().isEmpty() || credentials.sessionToken().get().isEmpty()) {
            return canonicalRequest;
        }
        String token = credentials.sessionToken().get();
        return canonicalRequest.replace(SigV4.uriEncode(token, true), Violation.REDACTED)
                .replace(token, Violation.REDACTED);
    }
}
