package io.github.cptestkit.mock.internal.s3;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
import io.github.cptestkit.mock.internal.grants.ArtifactGrants;
import io.github.cptestkit.mock.internal.server.Answer;
import io.github.cptestkit.mock.internal.server.MockService;
import io.github.cptestkit.mock.internal.server.Refusal;
import io.github.cptestkit.mock.internal.server.RequestHead;
import io.github.cptestkit.mock.internal.server.RequestPattern;
import io.github.cptestkit.mock.internal.server.RequestRules;
import io.github.cptestkit.mock.internal.server.Route;
import io.github.cptestkit.mock.internal.server.ServedRequest;
import io.github.cptestkit.mock.internal.server.StubPriority;
import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The emulated S3 artifact bucket as a service of the mock, on the same port as CodePipeline: one route takes every
 * request signed for service {@code s3} (SigV4 in the Authorization header, or presigned with
 * {@code X-Amz-Credential=.../s3/aws4_request}; Signature Version 2, which only S3 knows, is refused with S3's
 * InvalidRequest) and answers it with the {@link S3Protocol} edge over an {@link ArtifactStore}. It claims whatever no
 * other service claims, so any other request is refused as S3 refuses it; its bodies are kept aside from WireMock.
 * CodePipeline calls ({@code POST /}, signed for {@code codepipeline}) never match its route, and any stub of the
 * user's at a higher priority wins.
 *
 * <p>Who may access what comes from its {@link ArtifactGrants} (the job store's, in the mock); by hand:
 *
 * <pre>{@code
 * ArtifactBucketService s3 = ArtifactBucketService.builder().grants(jobStore).clock(clock).strictKms(true)
 *         .build();
 * StubDispatcher stubs = new StubDispatcher(s3.routes());
 * WireMockServer server = new WireMockServer(stubs.configure(s3.configured(options().dynamicPort())));
 * server.start();
 * stubs.install(server);                      // again after every server.resetAll()
 * s3.seed(job);                               // the job's input artifacts
 * // ... the worker downloads its inputs and uploads its outputs with the job's credentials ...
 * s3.artifact(outputLocation).orElseThrow().zipEntryText("result.json");
 * s3.kmsViolations();
 * }</pre>
 */
public final class ArtifactBucketService implements MockService {

    /** The stub's WireMock priority (see {@link StubPriority}), so user stubs win. */
    public static final int STUB_PRIORITY = StubPriority.SIGNED_FOR_SERVICE.value();
    /** The name of the WireMock request matcher that recognises requests for the bucket. */
    public static final String MATCHER_NAME = "cptestkit-s3-signed-request";
    /** The largest upload (a PutObject or an UploadPart body) unless the mock's builder says otherwise. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;
    private static final String ROUTE_KEY = "cptestkit-s3-signed-requests";
    static final UUID STUB_ID = Route.stubIdOf(ROUTE_KEY);
    private static final String CREDENTIAL = "Credential=";
    private static final String S3_SCOPE = "/s3/aws4_request";
    /** Signature Version 2, which only S3 still knows: answered with S3's InvalidRequest. */
    private static final String SIGV2_PREFIX = "AWS ";
    private static final Pattern SIGV2_HEADER = Pattern.compile(SIGV2_PREFIX + "[^:\\s]+:\\S+");
    private static final Pattern ONE_LINE = Pattern.compile(".+");
    private static final String ZIP = "application/zip";

    private final ArtifactStore store;
    private final S3Protocol protocol;
    private final List<KmsViolation> violations = new CopyOnWriteArrayList<>();
    private final long maxUploadBytes;

    private ArtifactBucketService(Builder builder) {
        this.store = new ArtifactStore(builder.clock, builder.spillThreshold, builder.temporaryParent);
        this.protocol = new S3Protocol(store, builder.grants, builder.clock, builder.strictKms, violations::add);
        this.maxUploadBytes = builder.maxUploadBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "artifact-bucket";
    }

    /** Whatever no other service claims: the bucket is the last service of the mock. */
    @Override
    public boolean claims(RequestHead request) {
        return true;
    }

    /** Uploads up to the limit, any Content-Type and encoding, the body kept aside from WireMock. */
    @Override
    public RequestRules requestRules() {
        return new RequestRules(maxUploadBytes, Optional.empty(), false, RequestRules.Handover.ASIDE);
    }

    /**
     * Turns WireMock's gzip off, because Jetty's gzip handler would otherwise compress objects for clients that send
     * {@code Accept-Encoding: gzip} and rewrite their ETag (S3 sends objects as stored).
     */
    @Override
    public void configure(WireMockConfiguration options) {
        options.gzipDisabled(true);
    }

    /** {@link #configure}, returning the options: for a bucket on a WireMock server of its own. */
    public WireMockConfiguration configured(WireMockConfiguration options) {
        configure(options);
        return options;
    }

    /**
     * One route, whatever the method and URL: the requests that {@link #isForTheBucket(Request)}. One route with one
     * request matcher rather than one per signature form, so that every other request (each CodePipeline call) is
     * checked against the bucket's routing once, cheaply.
     */
    @Override
    public List<Route> routes() {
        return List.of(new Route(ROUTE_KEY, "codepipeline-testkit S3 artifact store (requests signed for s3, and"
                + " Signature Version 2 to refuse)", StubPriority.SIGNED_FOR_SERVICE,
                RequestPattern.anyRequest().matching(MATCHER_NAME, ArtifactBucketService::isForTheBucket),
                this::answer));
    }

    private Answer answer(ServedRequest request) {
        return handle(SignedRequest.received(request.method(), request.url(), request.headers(), request.received()))
                .toAnswer();
    }

    /** A request that is not signed for the bucket: refused as S3 does (AccessDenied, ...). */
    @Override
    public Answer unrouted(ServedRequest request) {
        return answer(request);
    }

    @Override
    public Answer refusal(Refusal refusal, RequestHead request, String detail) {
        return (switch (refusal) {
            case TOO_LARGE -> S3Refusals.entityTooLarge(request.method(), request.path(), -1, maxUploadBytes);
            case INTERNAL -> S3Refusals.internalError(request.method(), request.path());
            case FORBIDDEN -> S3Refusals.accessDenied(request.method(), request.path(), detail);
            case NOT_FOUND, UNSUPPORTED_MEDIA_TYPE, COMPRESSED, UNREADABLE ->
                    S3Refusals.incompleteBody(request.method(), request.path(), detail);
        }).toAnswer();
    }

    /**
     * Whether the bucket answers a request: signed with SigV4 for service {@code s3}, in the Authorization header
     * ({@code Credential=.../s3/aws4_request}) or presigned ({@code X-Amz-Credential=.../s3/aws4_request}), or signed
     * with Signature Version 2, in the header ({@code AWS <key>:<signature>}) or presigned ({@code AWSAccessKeyId} and
     * {@code Signature}), which it refuses as S3 does.
     */
    static boolean isForTheBucket(Request request) {
        HttpHeader authorization = request.header("Authorization");
        if (authorization != null && authorization.isPresent()) {
            for (String value : authorization.values()) {
                if (credentialScopedToS3(value)
                        || value.startsWith(SIGV2_PREFIX) && SIGV2_HEADER.matcher(value).matches()) {
                    return true;
                }
            }
        }
        return anyValue(request.queryParameter("X-Amz-Credential"), value -> value.endsWith(S3_SCOPE))
                || anyValue(request.queryParameter("AWSAccessKeyId"), value -> ONE_LINE.matcher(value).matches())
                && anyValue(request.queryParameter("Signature"), value -> ONE_LINE.matcher(value).matches());
    }

    /**
     * Whether a SigV4 Authorization header has {@code Credential=<non-blank>/s3/aws4_request} (the regular expression
     * {@code Credential=\S*?/s3/aws4_request}, found anywhere), checked without one: every CodePipeline call passes
     * through here.
     */
    static boolean credentialScopedToS3(String authorization) {
        for (int at = authorization.indexOf(CREDENTIAL); at >= 0; at = authorization.indexOf(CREDENTIAL, at + 1)) {
            int start = at + CREDENTIAL.length();
            int end = start;
            while (end < authorization.length() && !isRegexSpace(authorization.charAt(end))) {
                end++;
            }
            int scope = authorization.indexOf(S3_SCOPE, start);
            if (scope >= 0 && scope + S3_SCOPE.length() <= end) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} of java.util.regex: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean anyValue(QueryParameter parameter, Predicate<String> test) {
        return parameter != null && parameter.isPresent() && parameter.values().stream().anyMatch(test);
    }

    /** Answers one S3 request; what the WireMock extension calls, usable without WireMock. */
    public S3Response handle(SignedRequest request) {
        return protocol.handle(request);
    }

    /** The objects and multipart uploads. */
    public ArtifactStore store() {
        return store;
    }

    /** Puts a third-party job's input artifacts in the store (SSE-KMS with the job's key when it has one). */
    public void seed(FakeThirdPartyJob job) {
        seed(job.artifacts(), job.jobId(), job.details().data());
    }

    /** Puts a custom job's input artifacts in the store (SSE-KMS with the job's key when it has one). */
    public void seed(FakeCustomJob job) {
        seed(job.artifacts(), job.jobId(), job.job().data());
    }

    /** Puts objects in the store with the content type of their bytes ({@link #contentType}), SSE-S3 encrypted. */
    public void seed(List<ArtifactObject> objects) {
        seed(objects, null, null);
    }

    private void seed(List<ArtifactObject> objects, String jobId, JobData data) {
        EncryptionKey key = data == null ? null : data.encryptionKey();
        if (data != null) {
            // The bucket exists even when the job has only outputs: other jobs' credentials get AccessDenied there.
            ArtifactGrant.forJob(jobId, data, Instant.MAX).ifPresent(grant -> store.createBucket(grant.bucket()));
        }
        for (ArtifactObject object : objects) {
            ObjectAttributes attributes = ObjectAttributes.of(contentType(object.content()));
            if (key != null) {
                attributes = attributes.withEncryption("aws:kms", Optional.of(key.id()));
            }
            store.put(object.location().bucketName(), object.location().objectKey(), object.content(), attributes);
        }
    }

    /**
     * The content type of an input artifact's bytes, by their first bytes: {@code application/zip} for a zip
     * ({@code PK}), {@code application/gzip} for gzip (a {@code .tar.gz}), {@code application/x-tar} for a tar
     * ({@code ustar} at byte 257), else {@code application/octet-stream}, S3's type for bytes of no known type.
     */
    static String contentType(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 && bytes[3] == 4
                || bytes[2] == 5 && bytes[3] == 6)) {
            return ZIP;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            return "application/gzip";
        }
        if (bytes.length >= 262 && new String(bytes, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("ustar")) {
            return "application/x-tar";
        }
        return "application/octet-stream";
    }

    /**
     * An object as tests see it: typically an output artifact the worker uploaded, its bytes copied into the heap
     * ({@link #read} reads them as they are sent).
     */
    public Optional<StoredArtifact> artifact(String bucket, String key) {
        return store.read(bucket, key, Optional.empty()).map(read -> {
            StoredObject object = read.object();
            ObjectAttributes attributes = object.attributes();
            return new StoredArtifact(bucket, key, read.bytes(), object.etag(), object.lastModified(),
                    attributes.contentType(), attributes.serverSideEncryption(), attributes.kmsKeyId(),
                    attributes.userMetadata());
        });
    }

    /** An object at an artifact location. */
    public Optional<StoredArtifact> artifact(S3ArtifactLocation location) {
        return artifact(location.bucketName(), location.objectKey());
    }

    /** The object at an artifact location, its bytes to read as they are sent (never whole in the heap). */
    public Optional<ArtifactStore.ObjectBytes> read(S3ArtifactLocation location) {
        return store.read(location.bucketName(), location.objectKey(), Optional.empty());
    }

    /** Every upload that ignored its job's encryptionKey, oldest first. */
    public List<KmsViolation> kmsViolations() {
        return List.copyOf(violations);
    }

    /** Forgets every object, upload and violation and deletes spilled bytes; the stubs stay. */
    @Override
    public void reset() {
        store.reset();
        violations.clear();
    }

    /** {@link #reset()} and deletes the temporary directory. */
    @Override
    public void close() {
        violations.clear();
        store.close();
    }

    /**
     * Options of an {@link ArtifactBucketService}.
     *
     * <pre>{@code ArtifactBucketService.builder().grants(grants).clock(clock).strictKms(true).spillThreshold(0).build()}</pre>
     */
    public static final class Builder {
        private ArtifactGrants grants;
        private Clock clock = Clock.systemUTC();
        private boolean strictKms;
        private long spillThreshold = ArtifactStore.DEFAULT_SPILL_THRESHOLD;
        private Path temporaryParent;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;

        private Builder() {}

        /** Who may access what (required). */
        public Builder grants(ArtifactGrants grants) {
            this.grants = Objects.requireNonNull(grants, "grants");
            return this;
        }

        /** The clock of credential expiry, presigned-URL expiry and Last-Modified (default: the system's, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether uploads that ignore the job's KMS key are refused with AccessDenied (default: only recorded). */
        public Builder strictKms(boolean strictKms) {
            this.strictKms = strictKms;
            return this;
        }

        /** Bytes above which objects and parts go to temporary files (default 1 MiB). */
        public Builder spillThreshold(long bytes) {
            this.spillThreshold = bytes;
            return this;
        }

        /** The largest upload body, in bytes (default 256 MiB); a larger one is S3's EntityTooLarge. */
        public Builder maxUploadBytes(long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        /** Where to create the temporary directory (default: the system's temporary directory). */
        public Builder temporaryDirectoryParent(Path parent) {
            this.temporaryParent = parent;
            return this;
        }

        public ArtifactBucketService build() {
            if (grants == null) {
                throw new IllegalStateException("ArtifactBucketService.builder().grants(...) is required: the emulator must"
                        + " know which job credentials may access which artifacts; pass the job store (or any"
                        + " ArtifactGrants).");
            }
            return new ArtifactBucketService(this);
        }
    }
}
