package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.body.ReceivedBody;
import io.github.cptestkit.mock.internal.body.StreamedBody;
import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
import io.github.cptestkit.mock.internal.grants.ArtifactGrants;
import io.github.cptestkit.mock.internal.sigv4.SigV4;
import io.github.cptestkit.mock.internal.sigv4.SigV4Rejection;
import io.github.cptestkit.mock.internal.sigv4.SigV4Verifier;
import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import io.github.cptestkit.mock.internal.sigv4.SigningCredentials;
import io.github.cptestkit.mock.internal.sigv4.VerifiedSignature;
import io.github.cptestkit.mock.s3.KmsViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The S3 REST edge of the artifact store: authenticates a request with SigV4 against the job grants, resolves its
 * bucket and key, checks the grant, runs the operation on the {@link ArtifactStore} and answers in S3's XML and
 * headers. Every failure becomes an S3 error answer; nothing escapes as an exception.
 *
 * <p>Operations: GetObject (with Range), HeadObject, PutObject, DeleteObject, CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload, ListObjectsV2 and HeadBucket. Anything else is NotImplemented.
 */
final class S3Protocol {

    private static final System.Logger LOG = System.getLogger(S3Protocol.class.getName());
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String KMS = "aws:kms";
    private static final Set<String> ENCRYPTIONS = Set.of("AES256", KMS, "aws:kms:dsse");
    private static final Set<String> UNSUPPORTED_OBJECT_SUBRESOURCES = Set.of("acl", "tagging", "attributes",
            "legal-hold", "retention", "torrent", "restore", "select", "versionId", "partNumber", "uploads",
            "uploadId");
    private static final Map<String, String> RESPONSE_OVERRIDES = Map.of(
            "response-content-type", "Content-Type",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding",
            "response-content-language", "Content-Language",
            "response-cache-control", "Cache-Control",
            "response-expires", "Expires");
    private static final int MAX_KEYS = 1000;
    /** The largest CompleteMultipartUpload document read: 10,000 parts of about 100 bytes each, and then some. */
    private static final long MAX_COMPLETE_BYTES = 8L << 20;

    private final ArtifactStore store;
    private final ArtifactGrants grants;
    private final Clock clock;
    private final SigV4Verifier verifier;
    private final boolean strictKms;
    private final Consumer<KmsViolation> violations;

    S3Protocol(ArtifactStore store, ArtifactGrants grants, Clock clock, boolean strictKms,
            Consumer<KmsViolation> violations) {
        this.store = store;
        this.grants = grants;
        this.clock = clock;
        this.verifier = new SigV4Verifier(clock);
        this.strictKms = strictKms;
        this.violations = violations;
    }

    S3Response handle(SignedRequest request) {
        String requestId = requestId();
        String resource = SigV4.percentDecode(request.rawPath());
        boolean head = "HEAD".equals(request.method());
        try {
            Caller caller = authenticate(request);
            S3Target target = S3Target.resolve(request,
                    bucket -> bucket.equals(caller.grant.bucket()) || store.bucketExists(bucket));
            resource = target.resource();
            return route(new Call(request, target, caller, requestId));
        } catch (SigV4Rejection rejection) {
            return error(fromRejection(rejection), resource, requestId, head);
        } catch (S3Error error) {
            return error(error, resource, requestId, head);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "S3 request " + request + " failed inside the mock", bug);
            return error(S3ErrorCode.INTERNAL_ERROR.error(), resource, requestId, head);
        }
    }

    private Caller authenticate(SignedRequest request) {
        AtomicReference<ArtifactGrant> found = new AtomicReference<>();
        VerifiedSignature signature = verifier.verify(request, "s3", accessKeyId -> {
            Optional<ArtifactGrant> grant = grants.grantFor(accessKeyId);
            grant.ifPresent(found::set);
            return grant.map(g -> SigningCredentials.temporary(g.secretAccessKey(), g.sessionToken()));
        });
        ArtifactGrant grant = found.get();
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw S3ErrorCode.EXPIRED_TOKEN.error("The provided token has expired: the artifact credentials of job "
                    + grant.jobId() + " expired at " + grant.expiresAt() + " and the mock's clock reads "
                    + clock.instant() + "; fetch the job again for fresh credentials.");
        }
        return new Caller(grant, signature);
    }

    private S3Response route(Call call) {
        S3Target target = call.target;
        if (target.bucket() == null) {
            throw S3ErrorCode.ACCESS_DENIED.error("Access Denied: a job's artifact credentials cannot list buckets;"
                    + " address the artifact bucket " + call.caller.grant.bucket() + " directly.");
        }
        requireBucket(call);
        String method = call.request.method();
        Map<String, String> query = call.query;
        if (target.key().isEmpty()) {
            if ("GET".equals(method) && "2".equals(query.get("list-type"))) {
                return listObjectsV2(call);
            }
            if ("HEAD".equals(method)) {
                return answer(call, 200, new LinkedHashMap<>(Map.of("x-amz-bucket-region",
                        call.caller.signature.scope().region())), null);
            }
            throw notImplemented(method + " on a bucket (only ListObjectsV2 and HeadBucket are)");
        }
        return switch (method) {
            case "GET", "HEAD" -> {
                requireNoSubresource(call, method + " on an object");
                yield getObject(call, "HEAD".equals(method));
            }
            case "PUT" -> {
                if (call.request.header("x-amz-copy-source").isPresent()) {
                    throw notImplemented("CopyObject and UploadPartCopy");
                }
                if (query.containsKey("uploadId")) {
                    yield uploadPart(call);
                }
                requireNoSubresource(call, "PUT on an object");
                yield putObject(call);
            }
            case "POST" -> {
                if (query.containsKey("uploads")) {
                    yield createMultipartUpload(call);
                }
                if (query.containsKey("uploadId")) {
                    yield completeMultipartUpload(call);
                }
                throw notImplemented("POST on an object without ?uploads or ?uploadId");
            }
            case "DELETE" -> {
                if (query.containsKey("uploadId")) {
                    yield abortMultipartUpload(call);
                }
                requireNoSubresource(call, "DELETE on an object");
                yield deleteObject(call);
            }
            default -> throw S3ErrorCode.METHOD_NOT_ALLOWED.error("The method " + method
                    + " is not allowed against this resource.").with("Method", method)
                    .with("ResourceType", "OBJECT");
        };
    }

    // ---- operations -------------------------------------------------------------------------------------------

    private S3Response getObject(Call call, boolean head) {
        requireReadable(call);
        Optional<ByteRange> range = ByteRange.parse(call.request.header("range").orElse(null));
        StoredObject object;
        long first;
        StreamedBody body;
        boolean partial;
        if (head) {
            object = store.find(call.target.bucket(), call.target.key()).orElseThrow(() -> noSuchKey(call));
            long[] span = range.isPresent() ? range.get().resolve(object.size()) : new long[] {0, object.size() - 1};
            first = span[0];
            body = null;
            partial = range.isPresent();
            call.contentLength = span[1] - span[0] + 1;
        } else {
            ArtifactStore.ObjectBytes read = store.read(call.target.bucket(), call.target.key(), range)
                    .orElseThrow(() -> noSuchKey(call));
            object = read.object();
            first = read.first();
            body = read.body(); // sent as it is read: the object is never in the heap whole
            partial = read.partial();
            call.contentLength = body.length();
        }
        Map<String, String> headers = objectHeaders(object);
        if (partial) {
            headers.put("Content-Range", "bytes " + first + "-" + (first + call.contentLength - 1) + "/"
                    + object.size());
        } else if ("ENABLED".equalsIgnoreCase(call.request.header("x-amz-checksum-mode").orElse(""))) {
            object.attributes().checksum().ifPresent(checksum -> headers.put(checksum.header(), checksum.value()));
        }
        call.query.forEach((name, value) -> {
            if (RESPONSE_OVERRIDES.containsKey(name)) {
                headers.put(RESPONSE_OVERRIDES.get(name), value);
            }
        });
        S3Response answer = answer(call, partial ? 206 : 200, headers, null);
        return body == null ? answer : answer.streaming(body);
    }

    private S3Response putObject(Call call) {
        requireWritable(call);
        ObjectAttributes attributes = uploadAttributes(call, "PutObject");
        try (Upload upload = upload(call)) {
            StoredObject object = store.put(call.target.bucket(), call.target.key(), upload.data,
                    attributes.withChecksum(upload.checksum));
            return stored(call, object.attributes(), object.etag(), upload.checksum);
        }
    }

    private S3Response deleteObject(Call call) {
        requireWritable(call);
        store.delete(call.target.bucket(), call.target.key());
        return answer(call, 204, new LinkedHashMap<>(), null);
    }

    private S3Response createMultipartUpload(Call call) {
        requireWritable(call);
        ObjectAttributes attributes = uploadAttributes(call, "CreateMultipartUpload");
        MultipartUpload upload = store.createMultipartUpload(call.target.bucket(), call.target.key(), attributes);
        return xml(call, encryptionHeaders(attributes),
                S3Xml.initiateMultipartUploadResult(upload.bucket(), upload.key(), upload.uploadId()));
    }

    private S3Response uploadPart(Call call) {
        requireWritable(call);
        String uploadId = call.query.get("uploadId");
        int partNumber = partNumber(call.query.get("partNumber"));
        MultipartUpload multipart = store.findUpload(uploadId)
                .filter(u -> u.bucket().equals(call.target.bucket()) && u.key().equals(call.target.key()))
                .orElseThrow(() -> S3ErrorCode.NO_SUCH_UPLOAD.error().with("UploadId", uploadId));
        try (Upload upload = upload(call)) {
            UploadedPart part = store.uploadPart(uploadId, call.target.bucket(), call.target.key(), partNumber,
                    upload.data);
            return stored(call, multipart.attributes(), part.etag(), upload.checksum);
        }
    }

    private S3Response completeMultipartUpload(Call call) {
        requireWritable(call);
        List<UploadedPart> parts;
        try (Upload upload = upload(call)) {
            if (upload.data.size() > MAX_COMPLETE_BYTES) {
                throw S3ErrorCode.MALFORMED_XML.error("The CompleteMultipartUpload document is " + upload.data.size()
                        + " bytes, more than the " + MAX_COMPLETE_BYTES + " bytes 10,000 parts take; name each part"
                        + " once.");
            }
            parts = S3Xml.completeMultipartUploadRequest(upload.data.bytes());
        }
        StoredObject object = store.completeMultipartUpload(call.query.get("uploadId"), call.target.bucket(),
                call.target.key(), parts);
        String host = call.request.header("host").orElse("localhost");
        String location = "http://" + host + (call.target.virtualHosted() ? "" : "/" + object.bucket()) + "/"
                + SigV4.uriEncode(object.key(), true);
        return xml(call, encryptionHeaders(object.attributes()),
                S3Xml.completeMultipartUploadResult(location, object.bucket(), object.key(), object.etag()));
    }

    private S3Response abortMultipartUpload(Call call) {
        requireWritable(call);
        store.abortMultipartUpload(call.query.get("uploadId"), call.target.bucket(), call.target.key());
        return answer(call, 204, new LinkedHashMap<>(), null);
    }

    private S3Response listObjectsV2(Call call) {
        ArtifactGrant grant = call.caller.grant;
        Map<String, String> query = call.query;
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        boolean delimited = delimiter != null && !delimiter.isEmpty();
        String encodingType = query.get("encoding-type");
        if (encodingType != null && !"url".equals(encodingType)) {
            throw S3ErrorCode.INVALID_ARGUMENT.error("Invalid Encoding Method specified in Request: encoding-type"
                    + " must be 'url'; it was '" + encodingType + "'.").with("ArgumentName", "encoding-type")
                    .with("ArgumentValue", encodingType);
        }
        int maxKeys = maxKeys(query.get("max-keys"));
        String continuationToken = query.get("continuation-token");
        String startAfter = query.get("start-after");
        String marker = continuationToken != null ? decodeToken(continuationToken) : startAfter;
        boolean markerIsPrefix = continuationToken != null && marker.startsWith("P");
        String after = continuationToken != null ? marker.substring(1) : marker;

        List<ObjectListing.Entry> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String next = null;
        String last = null;
        for (StoredObject object : store.list(call.target.bucket())) {
            String key = object.key();
            if (!key.startsWith(prefix) || !grant.canRead(key)
                    || (after != null && (ArtifactStore.compareKeys(key, after) <= 0
                            || (markerIsPrefix && key.startsWith(after))))) {
                continue;
            }
            int cut = delimited ? key.indexOf(delimiter, prefix.length()) : -1;
            String common = cut < 0 ? null : key.substring(0, cut + delimiter.length());
            if (common != null && common.equals(last)) {
                continue;
            }
            if (contents.size() + commonPrefixes.size() >= maxKeys) {
                next = maxKeys == 0 ? null : encodeToken((last.equals(lastPrefix(commonPrefixes)) ? "P" : "K") + last);
                break;
            }
            if (common != null) {
                commonPrefixes.add(common);
                last = common;
            } else {
                contents.add(new ObjectListing.Entry(encode(key, encodingType),
                        ISO_MILLIS.format(object.lastModified()), object.etag(), object.size()));
                last = key;
            }
        }
        ObjectListing listing = new ObjectListing(call.target.bucket(), encode(prefix, encodingType),
                delimited ? encode(delimiter, encodingType) : null, maxKeys, encodingType, continuationToken, next,
                startAfter == null ? null : encode(startAfter, encodingType), contents,
                commonPrefixes.stream().map(p -> encode(p, encodingType)).toList());
        return xml(call, new LinkedHashMap<>(), S3Xml.listBucketResult(listing));
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private void requireBucket(Call call) {
        String bucket = call.target.bucket();
        ArtifactGrant grant = call.caller.grant;
        if (!bucket.equals(grant.bucket()) && !store.bucketExists(bucket)) {
            throw S3ErrorCode.NO_SUCH_BUCKET.error().with("BucketName", bucket);
        }
        if (!bucket.equals(grant.bucket())) {
            throw S3ErrorCode.ACCESS_DENIED.error("Access Denied: the artifact credentials of job " + grant.jobId()
                    + " grant access to bucket " + grant.bucket() + " only, not to " + bucket
                    + "; use the bucketName of the job's artifact locations.");
        }
    }

    private static void requireReadable(Call call) {
        ArtifactGrant grant = call.caller.grant;
        if (!grant.canRead(call.target.key())) {
            throw S3ErrorCode.ACCESS_DENIED.error("Access Denied: the artifact credentials of job " + grant.jobId()
                    + " may read the job's input artifacts " + grant.readableKeys() + " and output artifacts "
                    + grant.writableKeys() + ", not '" + call.target.key() + "'.");
        }
    }

    private static void requireWritable(Call call) {
        ArtifactGrant grant = call.caller.grant;
        if (!grant.canWrite(call.target.key())) {
            throw S3ErrorCode.ACCESS_DENIED.error("Access Denied: the artifact credentials of job " + grant.jobId()
                    + " may write the job's output artifacts " + grant.writableKeys() + " only, not '"
                    + call.target.key() + "'; upload to an objectKey of the job's outputArtifacts.");
        }
    }

    private static void requireNoSubresource(Call call, String what) {
        for (String name : call.query.keySet()) {
            if (UNSUPPORTED_OBJECT_SUBRESOURCES.contains(name)) {
                throw notImplemented(what + " with ?" + name);
            }
        }
    }

    /** The attributes an upload asks for, after checking its encryption headers and the job's KMS key. */
    private ObjectAttributes uploadAttributes(Call call, String operation) {
        SignedRequest request = call.request;
        Optional<String> encryption = request.header("x-amz-server-side-encryption");
        Optional<String> kmsKeyId = request.header("x-amz-server-side-encryption-aws-kms-key-id");
        if (encryption.isPresent() && !ENCRYPTIONS.contains(encryption.get())) {
            throw S3ErrorCode.INVALID_ARGUMENT.error("The encryption method specified is not supported: '"
                    + encryption.get() + "'; use AES256 or aws:kms.")
                    .with("ArgumentName", "x-amz-server-side-encryption").with("ArgumentValue", encryption.get());
        }
        if (kmsKeyId.isPresent() && !encryption.orElse("").startsWith(KMS)) {
            throw S3ErrorCode.INVALID_ARGUMENT.error("Server Side Encryption with AWS KMS managed key requires HTTP"
                    + " header x-amz-server-side-encryption : aws:kms")
                    .with("ArgumentName", "x-amz-server-side-encryption");
        }
        checkJobKey(call, operation, encryption, kmsKeyId);
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-meta-")) {
                metadata.put(name.substring("x-amz-meta-".length()), String.join(",", values));
            }
        });
        return new ObjectAttributes(request.header("content-type").orElse(null), encryption.orElse(null), kmsKeyId,
                metadata, Optional.empty());
    }

    private void checkJobKey(Call call, String operation, Optional<String> encryption, Optional<String> kmsKeyId) {
        ArtifactGrant grant = call.caller.grant;
        if (grant.kmsKeyId().isEmpty()) {
            return;
        }
        String expected = grant.kmsKeyId().get();
        String problem;
        if (encryption.isEmpty()) {
            problem = "x-amz-server-side-encryption was absent; the job's encryptionKey requires aws:kms with key "
                    + expected;
        } else if (!KMS.equals(encryption.get())) {
            problem = "x-amz-server-side-encryption was '" + encryption.get() + "'; the job's encryptionKey"
                    + " requires aws:kms with key " + expected;
        } else if (kmsKeyId.isEmpty()) {
            problem = "x-amz-server-side-encryption-aws-kms-key-id was absent (S3 would use the aws/s3 managed"
                    + " key); the job's encryptionKey is " + expected;
        } else if (!KmsKeys.same(expected, kmsKeyId.get())) {
            problem = "x-amz-server-side-encryption-aws-kms-key-id was '" + kmsKeyId.get()
                    + "'; the job's encryptionKey is " + expected;
        } else {
            return;
        }
        violations.accept(new KmsViolation(grant.jobId(), operation, call.target.bucket(), call.target.key(),
                expected, encryption, kmsKeyId, problem, strictKms, clock.instant()));
        if (strictKms) {
            throw S3ErrorCode.ACCESS_DENIED.error("Access Denied: " + problem + " (the artifact bucket's policy"
                    + " denies uploads not encrypted with the job's key; send x-amz-server-side-encryption: aws:kms"
                    + " and x-amz-server-side-encryption-aws-kms-key-id).");
        }
    }

    // ---- bodies -----------------------------------------------------------------------------------------------

    /** The uploaded bytes, decoded from aws-chunked when they were sent so, and checked against their digests. */
    private Upload upload(Call call) {
        SignedRequest request = call.request;
        AwsChunkedPayload.Mode mode = AwsChunkedPayload.Mode.of(call.caller.signature.payloadHash());
        AwsChunkedPayload.Decoded decoded = AwsChunkedPayload.decode(request.payload(), mode, call.caller.signature,
                store.spillThreshold());
        // A decoded copy is the upload's own; the body as received is the guard's, which deletes it.
        Upload upload = new Upload(decoded.data(), Optional.empty(), decoded.data() != request.payload());
        try {
            Optional<String> declaredLength = request.header("x-amz-decoded-content-length");
            if (mode != AwsChunkedPayload.Mode.PLAIN && declaredLength.isPresent()
                    && !declaredLength.get().trim().equals(String.valueOf(decoded.data().size()))) {
                throw S3ErrorCode.INCOMPLETE_BODY.error("The aws-chunked body decodes to " + decoded.data().size()
                        + " bytes but x-amz-decoded-content-length says " + declaredLength.get() + ".");
            }
            Map<String, String> checksums = new LinkedHashMap<>();
            request.headers().forEach((name, values) -> checksums.put(name, String.join(",", values)));
            checksums.putAll(decoded.trailers());
            Optional<ObjectChecksum> checksum = PayloadChecksums.verify(decoded.data(),
                    request.header("content-md5").orElse(null), checksums);
            return new Upload(decoded.data(), checksum, upload.owned);
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    private static Map<String, String> objectHeaders(StoredObject object) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Last-Modified", HTTP_DATE.format(object.lastModified()));
        headers.put("ETag", object.etag());
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Type", object.attributes().contentType());
        headers.putAll(encryptionHeaders(object.attributes()));
        object.attributes().userMetadata().forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        return headers;
    }

    private static Map<String, String> encryptionHeaders(ObjectAttributes attributes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-server-side-encryption", attributes.serverSideEncryption());
        attributes.kmsKeyId().ifPresent(id -> headers.put("x-amz-server-side-encryption-aws-kms-key-id", id));
        return headers;
    }

    /** The answer to PutObject and UploadPart: the ETag, the encryption, the checksum sent. */
    private S3Response stored(Call call, ObjectAttributes attributes, String etag, Optional<ObjectChecksum> checksum) {
        Map<String, String> headers = encryptionHeaders(attributes);
        headers.put("ETag", etag);
        checksum.ifPresent(sent -> headers.put(sent.header(), sent.value()));
        return answer(call, 200, headers, null);
    }

    private S3Response xml(Call call, Map<String, String> headers, byte[] body) {
        headers.put("Content-Type", "application/xml");
        call.contentLength = body.length;
        return answer(call, 200, headers, body);
    }

    private S3Response answer(Call call, int status, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("x-amz-request-id", call.requestId);
        all.put("x-amz-id-2", hostId(call.requestId));
        all.put("Server", "AmazonS3");
        all.putAll(headers);
        all.put("Content-Length", String.valueOf(body != null ? body.length : call.contentLength));
        return new S3Response(status, all, body);
    }

    static S3Response error(S3Error error, String resource, String requestId, boolean head) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", requestId);
        headers.put("x-amz-id-2", hostId(requestId));
        headers.put("Server", "AmazonS3");
        byte[] body = head ? new byte[0] : S3Xml.error(error, resource, requestId, hostId(requestId));
        if (!head) {
            headers.put("Content-Type", "application/xml");
        }
        headers.put("Content-Length", String.valueOf(body.length));
        return new S3Response(error.code().status(), headers, body);
    }

    private static S3Error fromRejection(SigV4Rejection rejection) {
        S3ErrorCode code = switch (rejection.reason()) {
            case MALFORMED_AUTHORIZATION -> rejection.presigned()
                    ? S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR : S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED;
            case INVALID_TOKEN -> S3ErrorCode.INVALID_TOKEN;
            case SIGNATURE_MISMATCH -> S3ErrorCode.SIGNATURE_DOES_NOT_MATCH;
            case PAYLOAD_HASH_MISMATCH -> S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH;
            case MISSING_CONTENT_SHA256, UNSUPPORTED_SIGNATURE_VERSION -> S3ErrorCode.INVALID_REQUEST;
            case MISSING_AUTHENTICATION, UNKNOWN_ACCESS_KEY, HEADERS_NOT_SIGNED, REQUEST_EXPIRED ->
                    S3ErrorCode.ACCESS_DENIED;
        };
        S3Error error = code.error(rejection.getMessage());
        rejection.details().forEach(error::with);
        return error;
    }

    private static S3Error noSuchKey(Call call) {
        return S3ErrorCode.NO_SUCH_KEY.error().with("Key", call.target.key());
    }

    private static S3Error notImplemented(String what) {
        return S3ErrorCode.NOT_IMPLEMENTED.error("The mock's artifact store does not implement " + what
                + "; see docs/fidelity.md for the operations it has.");
    }

    private static int partNumber(String value) {
        try {
            if (value == null || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException("not digits");
            }
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw S3ErrorCode.INVALID_ARGUMENT.error("Part number must be an integer between 1 and "
                    + ArtifactStore.MAX_PART_NUMBER + ", inclusive; it was '" + value + "'.")
                    .with("ArgumentName", "partNumber").with("ArgumentValue", value);
        }
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(value);
            if (maxKeys >= 0) {
                return Math.min(maxKeys, MAX_KEYS);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw S3ErrorCode.INVALID_ARGUMENT.error("Provided max-keys not an integer or within integer range: '"
                + value + "'.").with("ArgumentName", "max-keys").with("ArgumentValue", value);
    }

    private static String lastPrefix(List<String> commonPrefixes) {
        return commonPrefixes.isEmpty() ? null : commonPrefixes.get(commonPrefixes.size() - 1);
    }

    private static String encodeToken(String marker) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String marker = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (marker.startsWith("P") || marker.startsWith("K")) {
                return marker;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw S3ErrorCode.INVALID_ARGUMENT.error("The continuation token provided is incorrect; send back the"
                + " NextContinuationToken of the previous page.").with("ArgumentName", "continuation-token");
    }

    private static String encode(String value, String encodingType) {
        return "url".equals(encodingType) ? SigV4.uriEncode(value, true) : value;
    }

    static String requestId() {
        return String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong());
    }

    private static String hostId(String requestId) {
        return Base64.getEncoder().encodeToString(("cptestkit-" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    /** The grant and signature of an authenticated request. */
    private record Caller(ArtifactGrant grant, VerifiedSignature signature) {}

    /** The decoded bytes of an upload and the flexible checksum it came with. */
    /** An upload's bytes and the checksum it sent; closing it deletes the bytes' file when they are its own. */
    private record Upload(ReceivedBody data, Optional<ObjectChecksum> checksum, boolean owned)
            implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                data.close();
            }
        }
    }

    /** One request on its way through the edge. */
    private static final class Call {
        final SignedRequest request;
        final S3Target target;
        final Caller caller;
        final String requestId;
        final Map<String, String> query;
        long contentLength;

        Call(SignedRequest request, S3Target target, Caller caller, String requestId) {
            this.request = request;
            this.target = target;
            this.caller = caller;
            this.requestId = requestId;
            this.query = request.queryParameters();
        }
    }

}
