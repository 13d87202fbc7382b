package io.github.cptestkit.mock.internal.server;

import java.util.Objects;
import java.util.Optional;

/**
 * How the {@link RequestGuard} treats the requests of one {@link MockService} before WireMock reads them: the largest
 * body it takes, the Content-Type its requests must carry, whether compressed bodies are refused, and how the body
 * is handed on.
 *
 * <pre>{@code
 * RequestRules json = new RequestRules(1L << 20,
 *         Optional.of(new RequestRules.ContentType("application/x-amz-json-1.1", "CodePipeline calls")), true,
 *         RequestRules.Handover.AS_SENT);
 * }</pre>
 *
 * @param maxBodyBytes    the largest body, in bytes; a larger one, declared or counted, is {@link Refusal#TOO_LARGE}
 * @param contentType     the Content-Type its requests must have (any case and parameters, UTF-8 only; absent is
 *                        taken as it), or empty for any
 * @param plainBodiesOnly whether a compressed body (a {@code Content-Encoding} other than identity, or gzip's magic
 *                        bytes, which WireMock would inflate) is {@link Refusal#COMPRESSED}
 * @param handover        how the body reaches WireMock and the service
 */
public record RequestRules(long maxBodyBytes, Optional<ContentType> contentType, boolean plainBodiesOnly,
        Handover handover) {

    /** The most any body can be: the mock holds it in one array. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    /**
     * The Content-Type a service's requests carry.
     *
     * @param mediaType the media type, e.g. {@code application/x-amz-json-1.1}
     * @param senders   who sends it, for the refusal: "CodePipeline calls" (send application/x-amz-json-1.1)
     */
    public record ContentType(String mediaType, String senders) {
        public ContentType {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(senders, "senders");
        }
    }

    /** How a body that passed the guard goes on. */
    public enum Handover {
        /** To WireMock as sent, with its Content-Type. */
        AS_SENT,
        /** To WireMock as sent, presented as {@code application/json} (WireMock would parse form encoding). */
        AS_JSON,
        /**
         * Kept aside for the service, WireMock given none: it would un-gzip tar.gz uploads, parse multipart ones and
         * keep every artifact in its journal. The service's routes get it in {@link ServedRequest#body()}.
         */
        ASIDE
    }

    public RequestRules {
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BYTES) {
            throw new IllegalArgumentException("a request body limit must be 0 to " + MAX_BYTES + " bytes, but was "
                    + maxBodyBytes);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(handover, "handover");
    }
}
