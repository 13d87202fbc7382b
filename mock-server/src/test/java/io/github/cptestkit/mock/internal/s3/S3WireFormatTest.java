package io.github.cptestkit.mock.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pieces of S3's wire format: XML bodies, Range headers, KMS key names, digests and aws-chunked bodies. */
class S3WireFormatTest {

    @Test
    void completeMultipartUploadBodiesAreReadWithOrWithoutTheNamespace() {
        String body = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part>"
                + "<ETag>\"a\"</ETag><PartNumber>1</PartNumber><ChecksumCRC32>x</ChecksumCRC32></Part>"
                + "<Part><PartNumber> 2 </PartNumber><ETag>b</ETag></Part></CompleteMultipartUpload>";

        assertThat(S3Xml.completeMultipartUploadRequest(utf8(body))).containsExactly(
                new UploadedPart(1, "\"a\"", -1), new UploadedPart(2, "b", -1));
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedAsMalformedXml() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part>"
                + "</CompleteMultipartUpload>";

        S3Error error = catchThrowableOfType(S3Error.class, () -> S3Xml.completeMultipartUploadRequest(utf8(xxe)));

        assertThat(error.code()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    @Test
    void aPartWithoutANumberIsMalformedXml() {
        S3Error error = catchThrowableOfType(S3Error.class, () -> S3Xml.completeMultipartUploadRequest(
                utf8("<CompleteMultipartUpload><Part><ETag>a</ETag></Part></CompleteMultipartUpload>")));

        assertThat(error.code()).isEqualTo(S3ErrorCode.MALFORMED_XML);
        assertThat(error.getMessage()).contains("<PartNumber>");
    }

    @Test
    void anErrorDocumentHasNoNamespaceAndEscapesItsText() {
        String xml = new String(S3Xml.error(S3ErrorCode.NO_SUCH_KEY.error().with("Key", "a<&>b"), "/b/a<&>b", "ID",
                "HOST"), StandardCharsets.UTF_8);

        assertThat(xml).contains("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                + "<Key>a&lt;&amp;&gt;b</Key><Resource>/b/a&lt;&amp;&gt;b</Resource><RequestId>ID</RequestId>"
                + "<HostId>HOST</HostId></Error>");
    }

    @Test
    void rangeHeadersResolveAsRfc9110SaysAndMalformedOnesAreIgnored() {
        assertThat(ByteRange.parse("bytes=2-5").orElseThrow().resolve(10)).containsExactly(2, 5);
        assertThat(ByteRange.parse("bytes=2-").orElseThrow().resolve(10)).containsExactly(2, 9);
        assertThat(ByteRange.parse("bytes=5-100").orElseThrow().resolve(10)).containsExactly(5, 9);
        assertThat(ByteRange.parse("bytes=-3").orElseThrow().resolve(10)).containsExactly(7, 9);
        assertThat(ByteRange.parse("bytes=-30").orElseThrow().resolve(10)).containsExactly(0, 9);
        assertThat(ByteRange.parse("bytes=0-1,4-5")).isEmpty();
        assertThat(ByteRange.parse("bytes=5-2")).isEmpty();
        assertThat(ByteRange.parse("items=0-1")).isEmpty();
        S3Error error = catchThrowableOfType(S3Error.class, () -> ByteRange.parse("bytes=10-").orElseThrow()
                .resolve(10));
        assertThat(error.code()).isEqualTo(S3ErrorCode.INVALID_RANGE);
        assertThat(error.details()).containsEntry("ActualObjectSize", "10");
    }

    @Test
    void kmsKeysMatchByIdArnOrAliasButTwoArnsMustBeEqual() {
        String arn = "arn:aws:kms:us-east-1:123456789012:key/abcd-1234";
        assertThat(KmsKeys.same(arn, "abcd-1234")).isTrue();
        assertThat(KmsKeys.same("abcd-1234", arn)).isTrue();
        assertThat(KmsKeys.same("alias/pipeline", "arn:aws:kms:us-east-1:123456789012:alias/pipeline")).isTrue();
        assertThat(KmsKeys.same(arn, "arn:aws:kms:eu-west-1:123456789012:key/abcd-1234")).isFalse();
        assertThat(KmsKeys.same(arn, "alias/abcd-1234")).isFalse();
        assertThat(KmsKeys.same("abcd-1234", "abcd-9999")).isFalse();
    }

    @Test
    void aContentMd5ThatIsNotTheBodysIsBadDigestAndOneThatIsNotAnMd5IsInvalidDigest() {
        byte[] data = utf8("hello");

        assertThat(PayloadChecksums.verify(data, "XUFAKrxLKna5cZ2REBfFkg==", Map.of())).isEmpty();
        assertThat(catchThrowableOfType(S3Error.class, () -> PayloadChecksums.verify(data,
                "AAAAAAAAAAAAAAAAAAAAAA==", Map.of())).code()).isEqualTo(S3ErrorCode.BAD_DIGEST);
        assertThat(catchThrowableOfType(S3Error.class, () -> PayloadChecksums.verify(data, "nope", Map.of()))
                .code()).isEqualTo(S3ErrorCode.INVALID_DIGEST);
    }

    @Test
    void flexibleChecksumsAreVerifiedAndKept() {
        byte[] data = utf8("hello");

        Optional<ObjectChecksum> sha256 = PayloadChecksums.verify(data, null, Map.of("x-amz-checksum-algorithm",
                "SHA256", "x-amz-checksum-sha256", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="));
        S3Error wrongCrc = catchThrowableOfType(S3Error.class, () -> PayloadChecksums.verify(data, null,
                Map.of("x-amz-checksum-crc32", "AAAAAA==")));

        assertThat(sha256).hasValue(new ObjectChecksum("x-amz-checksum-sha256",
                "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="));
        assertThat(wrongCrc.code()).isEqualTo(S3ErrorCode.BAD_DIGEST);
        assertThat(wrongCrc.getMessage()).contains("CRC32");
    }

    @Test
    void anUnsignedChunkedBodyWithATrailerDecodesToItsBytesAndTrailers() {
        String body = "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n";

        AwsChunkedPayload.Decoded decoded = AwsChunkedPayload.decode(utf8(body),
                AwsChunkedPayload.Mode.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER"), null);

        assertThat(decoded.data().bytes()).isEqualTo(utf8("hello world"));
        assertThat(decoded.trailers()).isEqualTo(Map.of("x-amz-checksum-crc32", "DUoRhQ=="));
    }

    @Test
    void aChunkedBodyCutShortIsIncompleteBody() {
        S3Error error = catchThrowableOfType(S3Error.class, () -> AwsChunkedPayload.decode(utf8("a\r\nshort"),
                AwsChunkedPayload.Mode.UNSIGNED_CHUNKS_TRAILER, null));

        assertThat(error.code()).isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
    }

    @Test
    void aSigV4aStreamingBodyIsNotImplemented() {
        S3Error error = catchThrowableOfType(S3Error.class,
                () -> AwsChunkedPayload.Mode.of("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD"));

        assertThat(error.code()).isEqualTo(S3ErrorCode.NOT_IMPLEMENTED);
        assertThat(List.of(AwsChunkedPayload.Mode.of("UNSIGNED-PAYLOAD"))).containsExactly(
                AwsChunkedPayload.Mode.PLAIN);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textXmlCannotCarryIsPercentEncodedSoThatErrorsStayWellFormed() {
        assertThat(S3Xml.xmlText("a\u0015b\u0000c\uD800d\tok\u00e9\uD83D\uDE00")).isEqualTo("a%15b%00c%3Fd\tok\u00e9\uD83D\uDE00");
        assertThat(S3Xml.xmlText("plain/key.zip")).isEqualTo("plain/key.zip");
    }

    @Test
    void malformedCompleteMultipartUploadXmlIsMalformedXmlWithNothingPrintedOnStderr() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        S3Error error;
        try {
            error = catchThrowableOfType(S3Error.class, () -> S3Xml.completeMultipartUploadRequest(
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CompleteMultipartUpload>&e;"
                            .getBytes(StandardCharsets.UTF_8)));
        } finally {
            System.setErr(stderr);
        }

        assertThat(error.code()).isEqualTo(S3ErrorCode.MALFORMED_XML);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
