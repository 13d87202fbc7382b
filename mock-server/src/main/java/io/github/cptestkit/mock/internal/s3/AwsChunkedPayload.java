package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.sigv4.SigV4;
import io.github.cptestkit.mock.internal.sigv4.VerifiedSignature;
import io.github.cptestkit.mock.internal.body.ReceivedBody;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} request body (S3's "Signature Calculations for the Authorization Header:
 * Transferring Payload in Multiple Chunks"): {@code <hex size>[;chunk-signature=<sig>]\r\n<data>\r\n}..., a last
 * chunk of size 0, then for the {@code -TRAILER} variants trailing headers such as {@code x-amz-checksum-crc32} and,
 * when signed, {@code x-amz-trailer-signature}. Signed variants have every chunk signature (and the trailer
 * signature) checked, each chained to the previous one from the request's seed signature.
 *
 * <pre>{@code
 * AwsChunkedPayload.Decoded decoded = AwsChunkedPayload.decode(body, mode, signature);
 * decoded.data();       // exactly the bytes the client uploaded
 * decoded.trailers();   // {x-amz-checksum-crc32=...}
 * }</pre>
 */
final class AwsChunkedPayload {

    private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    /** How x-amz-content-sha256 says the body is sent. */
    enum Mode {
        PLAIN(false, false),
        SIGNED_CHUNKS(true, false),
        SIGNED_CHUNKS_TRAILER(true, true),
        UNSIGNED_CHUNKS_TRAILER(false, true);

        final boolean signed;
        final boolean trailer;

        Mode(boolean signed, boolean trailer) {
            this.signed = signed;
            this.trailer = trailer;
        }

        /** The mode of an x-amz-content-sha256 value. */
        static Mode of(String contentSha256) {
            return switch (contentSha256) {
                case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" -> SIGNED_CHUNKS;
                case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" -> SIGNED_CHUNKS_TRAILER;
                case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> UNSIGNED_CHUNKS_TRAILER;
                default -> {
                    if (contentSha256.startsWith("STREAMING-")) {
                        throw S3ErrorCode.NOT_IMPLEMENTED.error("x-amz-content-sha256 '" + contentSha256
                                + "' is not supported by the mock; use a SigV4 (not SigV4a) streaming mode,"
                                + " UNSIGNED-PAYLOAD or the payload's SHA-256.");
                    }
                    yield PLAIN;
                }
            };
        }
    }

    /** The bytes the client uploaded and the trailing headers (lower-case names) it sent after them. */
    record Decoded(ReceivedBody data, Map<String, String> trailers) {}

    /** The longest chunk-header or trailer line read: a line without CRLF past it is not aws-chunked. */
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream body;
    private final long length;
    private final VerifiedSignature signature;
    private long position;
    private String previousSignature;

    private AwsChunkedPayload(InputStream body, long length, VerifiedSignature signature) {
        this.body = body;
        this.length = length;
        this.signature = signature;
        this.previousSignature = signature == null ? null : signature.signature();
    }

    /**
     * Decodes the body in {@code mode}, reading it as a stream and writing the data to a body that spills to a
     * temporary file past {@code spillThreshold} bytes; a {@link Mode#PLAIN} body is returned as it is.
     *
     * @throws S3Error IncompleteBody or InvalidRequest for a malformed encoding, SignatureDoesNotMatch for a bad chunk
     *                 or trailer signature
     */
    static Decoded decode(ReceivedBody body, Mode mode, VerifiedSignature signature, long spillThreshold) {
        if (mode == Mode.PLAIN) {
            return new Decoded(body, Map.of());
        }
        ReceivedBody.Writer data = ReceivedBody.writer(spillThreshold);
        try (InputStream in = new BufferedInputStream(body.open(), 64 * 1024)) {
            Map<String, String> trailers = new AwsChunkedPayload(in, body.size(), signature).decode(mode, data);
            return new Decoded(data.finish(), trailers);
        } catch (IOException e) {
            data.abort();
            throw new UncheckedIOException("cannot read a received aws-chunked body", e);
        } catch (RuntimeException e) {
            data.abort();
            throw e;
        }
    }

    /** {@link #decode(ReceivedBody, Mode, VerifiedSignature, long)} of bytes in memory, decoded into memory. */
    static Decoded decode(byte[] body, Mode mode, VerifiedSignature signature) {
        return decode(ReceivedBody.of(body), mode, signature, Long.MAX_VALUE);
    }

    private Map<String, String> decode(Mode mode, ReceivedBody.Writer data) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            String header = line();
            int semicolon = header.indexOf(';');
            int size = chunkSize(semicolon < 0 ? header : header.substring(0, semicolon));
            String chunkSignature = semicolon < 0 ? null : extension(header.substring(semicolon + 1));
            if (size > length - position) {
                throw S3ErrorCode.INCOMPLETE_BODY.error("The aws-chunked body ends inside a chunk of " + size
                        + " bytes; send the whole chunk.");
            }
            MessageDigest chunkHash = SigV4.digest("SHA-256");
            for (int left = size; left > 0; ) {
                int read = body.read(buffer, 0, Math.min(buffer.length, left));
                if (read < 0) {
                    throw S3ErrorCode.INCOMPLETE_BODY.error("The aws-chunked body ends inside a chunk of " + size
                            + " bytes; send the whole chunk.");
                }
                chunkHash.update(buffer, 0, read);
                data.write(buffer, 0, read);
                left -= read;
                position += read;
            }
            if (mode.signed) {
                verifyChunk(chunkSignature, SigV4.hex(chunkHash.digest()));
            }
            if (size == 0) {
                break;
            }
            expectCrlf();
        }
        return mode.trailer ? trailers(mode) : Map.of();
    }

    private void verifyChunk(String chunkSignature, String chunkSha256) {
        if (chunkSignature == null) {
            throw S3ErrorCode.INCOMPLETE_BODY.error("A chunk of the signed aws-chunked body has no chunk-signature"
                    + " extension; every chunk of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body must carry one.");
        }
        String stringToSign = SigV4.stringToSign(CHUNK_ALGORITHM, signature.amzDate(), signature.scope(),
                previousSignature + "\n" + SigV4.EMPTY_SHA256 + "\n" + chunkSha256);
        requireSignature(stringToSign, chunkSignature, "chunk");
    }

    private Map<String, String> trailers(Mode mode) throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        StringBuilder canonical = new StringBuilder();
        String trailerSignature = null;
        while (position < length) {
            String line = line();
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw S3ErrorCode.INVALID_REQUEST.error("The aws-chunked trailer line '" + line
                        + "' is not 'name:value'.");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (TRAILER_SIGNATURE.equals(name)) {
                trailerSignature = value;
            } else {
                trailers.put(name, value);
                canonical.append(name).append(':').append(value).append('\n');
            }
        }
        if (mode.signed) {
            if (trailerSignature == null) {
                throw S3ErrorCode.INCOMPLETE_BODY.error("The signed aws-chunked body has no x-amz-trailer-signature"
                        + " after its trailing headers.");
            }
            String stringToSign = SigV4.stringToSign(TRAILER_ALGORITHM, signature.amzDate(), signature.scope(),
                    previousSignature + "\n" + SigV4.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            requireSignature(stringToSign, trailerSignature, "trailer");
        }
        return trailers;
    }

    private void requireSignature(String stringToSign, String provided, String what) {
        String expected = SigV4.signature(signature.signingKey(), stringToSign);
        if (!SigV4.sameSignature(expected, provided)) {
            throw S3ErrorCode.SIGNATURE_DOES_NOT_MATCH.error("The " + what + " signature of the aws-chunked body does"
                    + " not match the one calculated from the request's seed signature and the signing key.")
                    .with("StringToSign", stringToSign).with("SignatureProvided", provided);
        }
        previousSignature = provided;
    }

    private static String extension(String extensions) {
        for (String extension : extensions.split(";")) {
            int equals = extension.indexOf('=');
            if (equals > 0 && "chunk-signature".equals(extension.substring(0, equals).trim())) {
                return extension.substring(equals + 1).trim();
            }
        }
        return null;
    }

    private static int chunkSize(String hex) {
        try {
            int size = Integer.parseInt(hex.trim(), 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw S3ErrorCode.INCOMPLETE_BODY.error("The aws-chunked chunk size '" + hex
                + "' is not a hexadecimal number.");
    }

    /** The text up to the next CRLF (or the end of the body), consuming the CRLF. */
    private String line() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(64);
        while (true) {
            int b = body.read();
            if (b < 0) {
                break;
            }
            position++;
            if (b == '\r') {
                body.mark(1);
                int next = body.read();
                if (next == '\n') {
                    position++;
                    break;
                }
                if (next >= 0) {
                    body.reset();
                }
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw S3ErrorCode.INCOMPLETE_BODY.error("An aws-chunked header or trailer line is longer than "
                        + MAX_LINE + " bytes; the body is not aws-chunked encoded.");
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void expectCrlf() throws IOException {
        int cr = body.read();
        int lf = cr < 0 ? -1 : body.read();
        if (cr != '\r' || lf != '\n') {
            throw S3ErrorCode.INCOMPLETE_BODY.error("An aws-chunked chunk is not followed by CRLF; the chunk size"
                    + " does not match its data.");
        }
        position += 2;
    }
}
