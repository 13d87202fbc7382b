package io.github.cptestkit.mock.internal.server;

/**
 * Why the mock refuses a request before any service's route sees it ({@link RequestGuard}, Jetty's error pages);
 * each {@link MockService} words the refusal in its own protocol ({@link MockService#refusal}).
 *
 * <pre>{@code Answer answer = service.refusal(Refusal.TOO_LARGE, head, "2000000 bytes, more than the 1048576 ...");}</pre>
 */
public enum Refusal {
    /** The body is over the service's limit ({@link RequestRules#maxBodyBytes()}), declared or counted. */
    TOO_LARGE,
    /** The Content-Type is not the one the service's requests carry ({@link RequestRules#contentType()}). */
    UNSUPPORTED_MEDIA_TYPE,
    /** The body is compressed where the service takes plain JSON only. */
    COMPRESSED,
    /** The connection did not deliver the whole body, or Jetty could not read the request. */
    UNREADABLE,
    /** Nothing is served at the request's path (Jetty's 404). */
    NOT_FOUND,
    /**
     * A web page's request the mock must not serve ({@link OriginPolicy}): a Host that is not one of the mock's
     * names (DNS rebinding), or an Origin not allowed; 403, in the service's protocol.
     */
    FORBIDDEN,
    /** The mock failed; the answer shows nothing of the failure. */
    INTERNAL
}
