package io.github.cptestkit.mock.hostile;

import static io.github.cptestkit.mock.hostile.HostileBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Hostile requests to the artifact bucket, over 2,500 a run from a fixed seed ({@link Fuzz}): unsigned garbage of
 * every method, path, query and header; signatures broken one part at a time (header and presigned); and requests
 * signed with the job's own credentials that carry absurd Range headers, part numbers no upload has, malformed
 * CompleteMultipartUpload XML (XXE, billion laughs, 10,000 levels deep) and aws-chunked bodies with broken
 * framing. Each answer is S3's XML {@code <Error>} (4xx) without a stack trace or a local file's contents, and a
 * correct download is still served afterwards.
 */
class HostileArtifactBucketRequestsTest {

    static final HostileTally TALLY = new HostileTally();
    static final FakeCustomJob JOB = FakeJobs.withSeed(31).custom().preset(Preset.BUILD_WITH_SOURCE_ZIP).build();
    static final S3ArtifactLocation INPUT = JOB.job().data().inputArtifacts().get(0).location().s3Location();
    static final S3ArtifactLocation OUTPUT = JOB.job().data().outputArtifacts().get(0).location().s3Location();
    static final AwsSessionCredentials CREDENTIALS = JOB.job().data().artifactCredentials();

    static CodePipelineMock mock;
    static RawHttp http;
    static String uploadId;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        mock.enqueue(JOB);
        http = new RawHttp(mock.endpoint());
        RawHttp.Answer created = sendSigned("POST", path(OUTPUT) + "?uploads", Map.of(), new byte[0], false);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        uploadId = created.text().replaceAll("(?s).*<UploadId>([^<]+)</UploadId>.*", "$1");
    }

    @AfterAll
    static void stop() {
        System.out.println(TALLY.report("artifact bucket"));
        mock.stop();
    }

    /** A correct download is still served, byte for byte. */
    @AfterEach
    void aCorrectDownloadIsStillServed() {
        RawHttp.Answer download = sendSigned("GET", path(INPUT), Map.of(), new byte[0], false);
        assertThat(download.status()).as(download.text()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(mock.artifact(INPUT).orElseThrow().content());
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void unsignedGarbageIsRefusedInS3Xml() {
        Fuzz.run("unsigned garbage", 1_000, random -> {
            String method = Fuzz.pick(random, "GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS");
            String path = "/" + Fuzz.pick(random, INPUT.bucketName(), OUTPUT.bucketName(), "other-bucket",
                    HostileAdminRequestsTest.hostileSegment(random)) + "/" + HostileAdminRequestsTest.hostilePath(random);
            String query = random.nextBoolean() ? "" : "?" + Fuzz.pick(random, "uploads", "uploadId=x&partNumber=1",
                    "X-Amz-Credential=" + HostileAdminRequestsTest.percentEncoded(random), "list-type=2&max-keys=-1",
                    "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=zz", "AWSAccessKeyId=a&Signature=b",
                    HostileAdminRequestsTest.hostileSegment(random) + "=" + HostileAdminRequestsTest.hostileSegment(random));
            Map<String, String> headers = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                headers.put("Authorization", Fuzz.pick(random, "AWS4-HMAC-SHA256 garbage", "AWS key:sig", "Bearer x",
                        "AWS4-HMAC-SHA256 Credential=" + CREDENTIALS.accessKeyId() + "/2026/us-east-1/s3/aws4_request",
                        Fuzz.text(random, random.nextInt(300), ' ', '~').trim(), "AWS4-HMAC-SHA256 Credential=,,,"));
            }
            if (random.nextBoolean()) {
                headers.put("x-amz-content-sha256", Fuzz.pick(random, "UNSIGNED-PAYLOAD",
                        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "zz", ""));
            }
            byte[] body = new byte[random.nextInt(2_049)];
            random.nextBytes(body);
            boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
            refused(http.send(method, path + query, headers, hasBody ? body : null), method, method + " " + path + query
                    + " " + headers.keySet());
        });
    }

    @Test
    void brokenSignaturesAreRefusedInS3Xml() {
        Fuzz.run("broken signatures", 600, random -> {
            boolean presigned = random.nextInt(3) == 0;
            String method = Fuzz.pick(random, "GET", "PUT", "HEAD", "DELETE");
            S3ArtifactLocation target = method.equals("GET") || method.equals("HEAD") ? INPUT : OUTPUT;
            byte[] body = method.equals("PUT") ? utf8("an artifact") : new byte[0];
            Signed signed = sign(method, path(target), Map.of(), body, false, presigned);
            String describe = method + (presigned ? " presigned" : "") + " with ";
            Signed broken;
            switch (random.nextInt(6)) {
                case 0 -> {
                    broken = signed.replacing("Signature=", 'x');
                    describe += "a wrong signature";
                }
                case 1 -> {
                    broken = signed.replacing(CREDENTIALS.accessKeyId(), "AKIAUNKNOWNUNKNOWN00");
                    describe += "an unknown access key";
                }
                case 2 -> {
                    broken = signed.replacing("/s3/aws4_request", "/codepipeline/aws4_request");
                    describe += "another service's scope";
                }
                case 3 -> {
                    broken = signed.without("x-amz-security-token");
                    describe += "no session token";
                }
                case 4 -> {
                    broken = signed.replacingDate();
                    describe += "another date";
                }
                default -> {
                    broken = signed.withPath(signed.path() + "x");
                    describe += "another path";
                }
            }
            refused(broken.send(), method, describe);
        });
    }

    @Test
    void absurdRangesAreAnsweredAsS3Does() {
        Fuzz.run("absurd ranges", 300, random -> {
            String range = Fuzz.pick(random, "bytes=99999999999999999999-", "bytes=-0", "bytes=5-1", "bytes=0-0,1-1",
                    "bytes=-99999999999999999999", "items=0-1", "bytes=a-b", "bytes= 0-1", "bytes=0-" + Long.MAX_VALUE,
                    "bytes=" + Long.MAX_VALUE + "-", "bytes=-" + Long.MAX_VALUE, "bytes=1000000-2000000", "bytes=",
                    "bytes=" + "9".repeat(random.nextInt(500)) + "-", Fuzz.text(random, random.nextInt(100), ' ', '~'));
            RawHttp.Answer answer = sendSigned("GET", path(INPUT), Map.of("Range", range), new byte[0], false);
            String describe = "Range: " + range;
            if (answer.status() == 200 || answer.status() == 206) {
                HostileAnswers.noStackTrace(answer, describe);
                TALLY.count("served " + answer.status());
                return;
            }
            assertThat(refused(answer, "GET", describe)).as(describe).isEqualTo("InvalidRange");
        });
    }

    @Test
    void partNumbersNoUploadHasAreInvalidArgument() {
        Fuzz.run("part numbers", 300, random -> {
            String partNumber = Fuzz.pick(random, "0", "-1", "10001", String.valueOf(Integer.MAX_VALUE),
                    String.valueOf(Long.MAX_VALUE), BigInteger.TWO.pow(1000).toString(), "abc", "1e10", "", "1.5",
                    "%00", "+1", " 1", "0x10", "9".repeat(random.nextInt(2_000) + 1));
            String query = "?uploadId=" + uploadId + "&partNumber=" + partNumber;
            String describe = "UploadPart partNumber=" + partNumber;
            String code = refused(sendSigned("PUT", path(OUTPUT) + query, Map.of(), utf8("a part"), false), "PUT",
                    describe);
            assertThat(code).as(describe).isIn("InvalidArgument", "InvalidRequest");
        });
    }

    @Test
    void malformedCompleteMultipartUploadXmlIsMalformedXmlAndNeverReadsLocalFiles() {
        Fuzz.run("CompleteMultipartUpload XML", 300, random -> {
            String xml = completeXml(random);
            String id = random.nextInt(4) == 0 ? "no-such-upload" : uploadId;
            RawHttp.Answer answer = sendSigned("POST", path(OUTPUT) + "?uploadId=" + id, Map.of(), utf8(xml), false);
            String describe = "CompleteMultipartUpload " + HostileAnswers.shorten(xml);
            String code = refused(answer, "POST", describe);
            assertThat(code).as(describe).isIn("MalformedXML", "NoSuchUpload", "InvalidPart", "InvalidPartOrder");
            assertThat(answer.text()).as(describe).doesNotContain("root:", "daemon:", "lolololol");
        });
    }

    @Test
    void brokenAwsChunkedFramingIsRefused() {
        Fuzz.run("aws-chunked framing", 300, random -> {
            byte[] data = new byte[1 + random.nextInt(100_000)];
            random.nextBytes(data);
            Signed signed = sign("PUT", path(OUTPUT), Map.of(), data, true, false);
            byte[] framed = signed.body();
            String describe;
            byte[] broken;
            switch (random.nextInt(5)) {
                case 0 -> {
                    int cut = random.nextInt(framed.length);
                    broken = java.util.Arrays.copyOf(framed, cut);
                    describe = "cut at " + cut + " of " + framed.length;
                }
                case 1 -> {
                    broken = framed.clone();
                    broken[0] = (byte) 'z';
                    describe = "a chunk size that is not hex";
                }
                case 2 -> {
                    broken = framed.clone();
                    int signature = new String(framed, StandardCharsets.ISO_8859_1).indexOf("chunk-signature=") + 20;
                    broken[signature] = (byte) (broken[signature] == 'a' ? 'b' : 'a');
                    describe = "a wrong chunk signature";
                }
                case 3 -> {
                    broken = utf8("ffffffffffffffff;chunk-signature=" + "0".repeat(64) + "\r\nxyz\r\n");
                    describe = "an absurd chunk size";
                }
                default -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(framed);
                    out.writeBytes(utf8("garbage after the last chunk"));
                    broken = out.toByteArray();
                    describe = "bytes after the final chunk";
                }
            }
            refused(signed.withBody(broken).send(), "PUT", "aws-chunked upload with " + describe);
        });
    }

    @Test
    void anErrorAboutAPathWithControlCharactersIsStillWellFormedXml() {
        RawHttp.Answer answer = http.send("GET", "/" + INPUT.bucketName() + "/a%15b%7Fc", Map.of(), null);

        assertThat(refused(answer, "GET", "a path with U+0015 and U+007F")).isEqualTo("AccessDenied");
        assertThat(answer.text()).contains("<Resource>/" + INPUT.bucketName() + "/a%15b\u007Fc</Resource>");
    }

    @Test
    void aPartNumberWrittenWithASignIsInvalidArgument() {
        RawHttp.Answer answer = sendSigned("PUT", path(OUTPUT) + "?uploadId=" + uploadId + "&partNumber=+1", Map.of(),
                utf8("a part"), false);

        assertThat(refused(answer, "PUT", "partNumber=+1")).isEqualTo("InvalidArgument");
    }

    // ---------------------------------------------------------------- generators

    static String completeXml(Random random) {
        String part = "<Part><PartNumber>1</PartNumber><ETag>\"0\"</ETag></Part>";
        return switch (random.nextInt(9)) {
            case 0 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<CompleteMultipartUpload><Part><PartNumber>&e;</PartNumber><ETag>&e;</ETag></Part>"
                    + "</CompleteMultipartUpload>";
            case 1 -> "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
                    + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3"
                    + " \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                    + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&lol3;</ETag></Part>"
                    + "</CompleteMultipartUpload>";
            case 2 -> "<CompleteMultipartUpload>" + "<a>".repeat(10_000) + "</a>".repeat(10_000)
                    + "</CompleteMultipartUpload>";
            case 3 -> new String(HostileBodies.malformedBody(random).bytes(), StandardCharsets.ISO_8859_1);
            case 4 -> "<Other>" + part + "</Other>";
            case 5 -> "<CompleteMultipartUpload><Part><ETag>\"0\"</ETag></Part></CompleteMultipartUpload>";
            case 6 -> "<CompleteMultipartUpload><Part><PartNumber>" + Fuzz.pick(random, "abc", "99999999999", "-1",
                    "") + "</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>";
            case 7 -> "<CompleteMultipartUpload>" + part.repeat(1 + random.nextInt(20_000)) + "</CompleteMultipartUpload>";
            default -> "<CompleteMultipartUpload>" + part + "</CompleteMultipartUpload";
        };
    }

    // ---------------------------------------------------------------- signing

    static String path(S3ArtifactLocation location) {
        return "/" + location.bucketName() + "/" + location.objectKey();
    }

    static RawHttp.Answer sendSigned(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
            boolean chunked) {
        return sign(method, pathAndQuery, headers, body, chunked, false).send();
    }

    /**
     * A request signed with the job's credentials by the AWS SDK's own SigV4 signer (header or presigned, the body
     * aws-chunked with chunk signatures when asked), ready to be sent as bytes and to be broken first.
     */
    static Signed sign(String method, String pathAndQuery, Map<String, String> headers, byte[] body, boolean chunked,
            boolean presigned) {
        URI endpoint = mock.endpoint();
        int question = pathAndQuery.indexOf('?');
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .protocol("http").host(endpoint.getHost()).port(endpoint.getPort())
                .encodedPath(question < 0 ? pathAndQuery : pathAndQuery.substring(0, question));
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.appendRawQueryParameter(nameValue[0], nameValue.length < 2 ? null : nameValue[1]);
            }
        }
        headers.forEach(request::putHeader);
        if (body.length > 0 || method.equals("PUT") || method.equals("POST")) {
            request.putHeader("Content-Length", String.valueOf(body.length));
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsSessionCredentialsIdentity.create(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(),
                            CREDENTIALS.sessionToken()))
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked);
            if (presigned) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
            }
        });
        byte[] sent = signed.payload().map(HostileArtifactBucketRequestsTest::bytes).orElse(body);
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> signedHeaders.put(name, String.join(",", values)));
        if (signedHeaders.containsKey("Content-Length")) {
            signedHeaders.put("Content-Length", String.valueOf(sent.length));
        }
        String query = signed.request().encodedQueryParameters().map(q -> "?" + q).orElse("");
        return new Signed(method, signed.request().encodedPath(), query, signedHeaders, sent);
    }

    private static byte[] bytes(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed request as bytes to send; each {@code with...} breaks one part of it. */
    record Signed(String method, String path, String query, Map<String, String> headers, byte[] body) {

        Signed withPath(String other) {
            return new Signed(method, other, query, headers, body);
        }

        Signed withBody(byte[] other) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put("Content-Length", String.valueOf(other.length));
            return new Signed(method, path, query, changed, other);
        }

        Signed without(String header) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.keySet().removeIf(name -> name.equalsIgnoreCase(header));
            String changedQuery = query.replaceAll("(?i)[?&]X-Amz-Security-Token=[^&]*", "");
            return new Signed(method, path, changedQuery.isEmpty() || changedQuery.startsWith("?") ? changedQuery
                    : "?" + changedQuery.substring(1), changed, body);
        }

        /** The first occurrence of {@code marker} in the Authorization header or query has its next character changed. */
        Signed replacing(String marker, char replacement) {
            String authorization = headers.getOrDefault("Authorization", "");
            if (authorization.contains(marker)) {
                int at = authorization.indexOf(marker) + marker.length();
                char changed = authorization.charAt(at) == replacement ? 'y' : replacement;
                Map<String, String> headersChanged = new LinkedHashMap<>(headers);
                headersChanged.put("Authorization", authorization.substring(0, at) + changed
                        + authorization.substring(at + 1));
                return new Signed(method, path, query, headersChanged, body);
            }
            String parameter = "X-Amz-" + marker;
            int at = query.indexOf(parameter) + parameter.length();
            char changed = query.charAt(at) == replacement ? 'y' : replacement;
            return new Signed(method, path, query.substring(0, at) + changed + query.substring(at + 1), headers, body);
        }

        Signed replacing(String text, String replacement) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.replaceAll((name, value) -> value.replace(text, replacement));
            String encoded = text.replace("/", "%2F");
            return new Signed(method, path, query.replace(text, replacement)
                    .replace(encoded, replacement.replace("/", "%2F")), changed, body);
        }

        Signed replacingDate() {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.computeIfPresent("X-Amz-Date", (name, value) -> "20200101T000000Z");
            return new Signed(method, path, query.replaceAll("X-Amz-Date=[0-9TZ]+", "X-Amz-Date=20200101T000000Z"),
                    changed, body);
        }

        RawHttp.Answer send() {
            StringBuilder head = new StringBuilder(method + " " + path + query + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Host"))) {
                head.append("Host: ").append(mock.endpoint().getHost()).append(':').append(mock.endpoint().getPort())
                        .append("\r\n");
            }
            if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Length"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            return http.sendRaw(head.toString(), body);
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** The answer is S3's XML error; counts it; its code ({@code null} for HEAD). */
    static String refused(RawHttp.Answer answer, String method, String request) {
        String code = HostileAnswers.s3Error(answer, method, request);
        TALLY.count(answer.status() + " " + (code == null ? "(HEAD)" : code));
        return code;
    }
}
