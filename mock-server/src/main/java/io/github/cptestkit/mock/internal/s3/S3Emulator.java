package io.github.cptestkit.mock.internal.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.fixtures.ArtifactObject;
import io.github.cptestkit.fixtures.EncryptionKey;
import io.github.cptestkit.fixtures.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.fixtures.JobData;
import io.github.cptestkit.fixtures.S3ArtifactLocation;
import io.github.cptestkit.mock.internal.ServiceEmulator;
import io.github.cptestkit.mock.internal.StubRoute;
import io.github.cptestkit.mock.s3.ArtifactGrant;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import java.nio.charset.StandardCharsets;
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
 * The emulated S3 artifact bucket, on the same WireMock server as the CodePipeline emulator: a WireMock extension
 * plus a low-priority stub that sends it every request signed for service {@code s3} (SigV4 in the Authorization
 * header, or presigned with {@code X-Amz-Credential=.../s3/aws4_request}; Signature Version 2, which only S3 knows,
 * is refused with S3's InvalidRequest). CodePipeline calls ({@code POST /}, signed for {@code codepipeline}) never
 * match it, and any stub of the user's at a higher priority wins.
 *
 * <p>{@code CodePipelineMock} plugs it in as a {@link ServiceEmulator} with the job store as its grants; by hand:
 *
 * <pre>{@code
 * S3Emulator s3 = S3Emulator.builder().grants(jobStore).clock(clock).strictKms(true).build();
 * WireMockServer server = new WireMockServer(s3.configure(options().dynamicPort()));
 * server.start();
 * s3.register(server);                        // again after every server.resetAll()
 * s3.seed(job);                               // the job's input artifacts
 * // ... the worker downloads its inputs and uploads its outputs with the job's credentials ...
 * s3.artifact(outputLocation).orElseThrow().zipEntryText("result.json");
 * s3.kmsViolations();
 * }</pre>
 */
public final class S3Emulator implements ServiceEmulator {

    /** The name of the WireMock response transformer the stubs name. */
    public static final String TRANSFORMER_NAME = "cptestkit-s3-artifact-store";
    /** The stub's WireMock priority: low (WireMock's default is 5; 1 is highest), so user stubs win. */
    public static final int STUB_PRIORITY = 100;
    /** The name of the WireMock request matcher that recognises requests for the bucket. */
    public static final String MATCHER_NAME = "cptestkit-s3-signed-request";
    static final UUID STUB_ID = UUID.nameUUIDFromBytes("cptestkit-s3-signed-requests".getBytes(StandardCharsets.UTF_8));
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
    private final Transformer transformer = new Transformer();
    private final BucketRequests matcher = new BucketRequests();

    private S3Emulator(Builder builder) {
        this.store = new ArtifactStore(builder.clock, builder.spillThreshold, builder.temporaryParent);
        this.protocol = new S3Protocol(store, builder.grants, builder.clock, builder.strictKms, violations::add);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Prepares a server's options for the emulator: adds its extensions (the response transformer, and the request
     * matcher its stub names) and turns WireMock's gzip off, because Jetty's gzip handler would otherwise compress
     * objects for clients that send {@code Accept-Encoding: gzip} and rewrite their ETag (S3 sends objects as stored).
     */
    @Override
    public WireMockConfiguration configure(WireMockConfiguration options) {
        return options.extensions(transformer, matcher).gzipDisabled(true);
    }

    /**
     * The stub that routes S3 requests to the extension (a fixed id: registering again replaces it): any request
     * that {@link #isForTheBucket(Request)}. One stub with one matcher rather than a stub per signature form, so that
     * every other request (each CodePipeline call) is checked against the bucket's routing once, cheaply.
     */
    public MappingBuilder stub() {
        return any(anyUrl()).withId(STUB_ID).atPriority(STUB_PRIORITY)
                .withName("codepipeline-testkit S3 artifact store (requests signed for s3, and Signature Version 2 to"
                        + " refuse)")
                .andMatching(MATCHER_NAME)
                .willReturn(aResponse().withTransformers(TRANSFORMER_NAME));
    }

    /** {@link #stub()}, built. */
    @Override
    public List<StubMapping> stubMappings() {
        return List.of(stub().build());
    }

    /** The stub takes the requests {@link #isForTheBucket(Request)}, whatever their method and URL. */
    @Override
    public List<StubRoute> routes() {
        return List.of(new StubRoute(STUB_ID, S3Emulator::isForTheBucket));
    }

    /**
     * Installs {@link #stub()} on a server (a {@code WireMockServer} is an {@code Admin}); the server must have been
     * built with options that went through {@link #configure(WireMockConfiguration)}.
     */
    public void register(Admin server) {
        for (StubMapping mapping : stubMappings()) {
            server.removeStubMapping(mapping);
            server.addStubMapping(mapping);
        }
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

    /** Puts objects in the store as {@code application/zip}, SSE-S3 encrypted. */
    public void seed(List<ArtifactObject> objects) {
        seed(objects, null, null);
    }

    private void seed(List<ArtifactObject> objects, String jobId, JobData data) {
        ObjectAttributes attributes = ObjectAttributes.of(ZIP);
        EncryptionKey key = data == null ? null : data.encryptionKey();
        if (key != null) {
            attributes = attributes.withEncryption("aws:kms", Optional.of(key.id()));
        }
        if (data != null) {
            // The bucket exists even when the job has only outputs: other jobs' credentials get AccessDenied there.
            ArtifactGrant.forJob(jobId, data, Instant.MAX).ifPresent(grant -> store.createBucket(grant.bucket()));
        }
        for (ArtifactObject object : objects) {
            store.put(object.location().bucketName(), object.location().objectKey(), object.content(), attributes);
        }
    }

    /** An object as tests see it: typically an output artifact the worker uploaded. */
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

    /** The WireMock side: turns a served request into a {@link SignedRequest} and the answer back. */
    private static final class BucketRequests extends RequestMatcherExtension {
        @Override
        public String getName() {
            return MATCHER_NAME;
        }

        @Override
        public MatchResult match(Request request, Parameters parameters) {
            return MatchResult.of(isForTheBucket(request));
        }
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return TRANSFORMER_NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            S3Response response = handle(SignedRequest.of(serveEvent.getRequest()));
            return ServiceEmulator.response(response.status(), response.headers(), response.body()).build();
        }
    }

    /**
     * Options of an {@link S3Emulator}.
     *
     * <pre>{@code S3Emulator.builder().grants(grants).clock(clock).strictKms(true).spillThreshold(0).build()}</pre>
     */
    public static final class Builder {
        private ArtifactGrants grants;
        private Clock clock = Clock.systemUTC();
        private boolean strictKms;
        private long spillThreshold = ArtifactStore.DEFAULT_SPILL_THRESHOLD;
        private Path temporaryParent;

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

        /** Where to create the temporary directory (default: the system's temporary directory). */
        public Builder temporaryDirectoryParent(Path parent) {
            this.temporaryParent = parent;
            return this;
        }

        public S3Emulator build() {
            if (grants == null) {
                throw new IllegalStateException("S3Emulator.builder().grants(...) is required: the emulator must"
                        + " know which job credentials may access which artifacts; pass the job store (or any"
                        + " ArtifactGrants).");
            }
            return new S3Emulator(this);
        }
    }
}
