package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.sigv4.SigV4;
import io.github.cptestkit.mock.internal.sigv4.VerifiedSignature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    record Decoded(byte[] data, Map<String, String> trailers) {}

    private final byte[] body;
    private final VerifiedSignature signature;
    private int position;
    private String previousSignature;

    private AwsChunkedPayload(byte[] body, VerifiedSignature signature) {
        this.body = body;
        this.signature = signature;
        this.previousSignature = signature == null ? null : signature.signature();
    }

    /**
     * Decodes the body in {@code mode}; a {@link Mode#PLAIN} body is returned as it is.
     *
     * @throws S3Error IncompleteBody or InvalidRequest for a malformed encoding, SignatureDoesNotMatch for a bad chunk
     *                 or trailer signature
     */
    static Decoded decode(byte[] body, Mode mode, VerifiedSignature signature) {
        if (mode == Mode.PLAIN) {
            return new Decoded(body, Map.of());
        }
        return new AwsChunkedPayload(body, signature).decode(mode);
    }

    private Decoded decode(Mode mode) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(Math.max(16, body.length));
        while (true) {
            String header = line();
            int semicolon = header.indexOf(';');
            int size = chunkSize(semicolon < 0 ? header : header.substring(0, semicolon));
            String chunkSignature = semicolon < 0 ? null : extension(header.substring(semicolon + 1));
            if (size > body.length - position) {
                throw S3ErrorCode.INCOMPLETE_BODY.error("The aws-chunked body ends inside a chunk of " + size
                        + " bytes; send the whole chunk.");
            }
            if (mode.signed) {
                verifyChunk(chunkSignature, position, size);
            }
            data.write(body, position, size);
            position += size;
            if (size == 0) {
                break;
            }
            expectCrlf();
        }
        Map<String, String> trailers = mode.trailer ? trailers(mode) : Map.of();
        return new Decoded(data.toByteArray(), trailers);
    }

    private void verifyChunk(String chunkSignature, int offset, int size) {
        if (chunkSignature == null) {
            throw S3ErrorCode.INCOMPLETE_BODY.error("A chunk of the signed aws-chunked body has no chunk-signature"
                    + " extension; every chunk of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body must carry one.");
        }
        String stringToSign = SigV4.stringToSign(CHUNK_ALGORITHM, signature.amzDate(), signature.scope(),
                previousSignature + "\n" + SigV4.EMPTY_SHA256 + "\n" + SigV4.sha256Hex(body, offset, size));
        requireSignature(stringToSign, chunkSignature, "chunk");
    }

    private Map<String, String> trailers(Mode mode) {
        Map<String, String> trailers = new LinkedHashMap<>();
        StringBuilder canonical = new StringBuilder();
        String trailerSignature = null;
        while (position < body.length) {
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
    private String line() {
        int start = position;
        while (position < body.length && !(body[position] == '\r' && position + 1 < body.length
                && body[position + 1] == '\n')) {
            position++;
        }
        String line = new String(body, start, position - start, StandardCharsets.UTF_8);
        position = Math.min(body.length, position + 2);
        return line;
    }

    private void expectCrlf() {
        if (position + 1 >= body.length || body[position] != '\r' || body[position + 1] != '\n') {
            throw S3ErrorCode.INCOMPLETE_BODY.error("An aws-chunked chunk is not followed by CRLF; the chunk size"
                    + " does not match its data.");
        }
        position += 2;
    }
}
