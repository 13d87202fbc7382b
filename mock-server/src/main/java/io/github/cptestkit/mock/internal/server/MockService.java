package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.Optional;

/**
 * A service the mock serves on its port: CodePipeline, the artifact bucket (S3), the admin API; next, the Lambda
 * Runtime API. The service declares its requests and its protocol; the mock's server does the rest for every
 * service alike: it asks each service in turn whether a request is its own ({@link #claims}), guards the request by
 * the service's {@linkplain #requestRules() rules}, words refusals in the service's protocol ({@link #refusal}),
 * turns each of its {@linkplain #routes() routes} into a WireMock stub and a route (installed at start and after
 * every reset, at the priorities of {@link StubPriority}), sends what no stub takes to the service that claims it
 * ({@link #unrouted}), and resets and closes the service with the mock.
 *
 * <pre>{@code
 * final class LambdaRuntimeService implements MockService {
 *     public String name() { return "lambda-runtime"; }
 *     public boolean claims(RequestHead request) { return request.isUnder("/__lambda"); }
 *     public RequestRules requestRules() { return new RequestRules(6L << 20, Optional.empty(), true, AS_SENT); }
 *     public List<Route> routes() {
 *         return List.of(new Route("lambda-runtime/next", "Lambda Runtime API: next invocation",
 *                 StubPriority.OPERATION, RequestPattern.method(GET).pathMatching(NEXT), this::next));
 *     }
 *     public Answer unrouted(ServedRequest request) { return lambdaError(404, "UnknownResource", ...); }
 *     public Answer refusal(Refusal refusal, RequestHead request, String detail) { ... }
 * }
 * }</pre>
 */
public interface MockService extends AutoCloseable {

    /** A short name, for logs: {@code codepipeline}, {@code artifact-bucket}, {@code admin}. */
    String name();

    /**
     * Whether a request is for this service. The mock asks its services in the order they were registered, and the
     * first that claims a request owns it; the last one registered claims whatever is left.
     */
    boolean claims(RequestHead request);

    /** How the request guard treats this service's requests before WireMock reads them. */
    RequestRules requestRules();

    /** The service's routes; none for a service WireMock's admin API serves (the mock's own admin API). */
    default List<Route> routes() {
        return List.of();
    }

    /**
     * Why the service does not serve a request it claims, which the guard then refuses as {@link Refusal#NOT_FOUND}
     * before WireMock reads it (e.g. a WireMock admin route with nothing behind it); empty, the default, for a
     * request it serves.
     */
    default Optional<String> notServed(RequestHead request) {
        return Optional.empty();
    }

    /** What the service answers to a request it claims that no stub (its own or a user's) takes. */
    Answer unrouted(ServedRequest request);

    /** A refusal of the request guard or of Jetty, in the service's protocol; {@code detail} says what was wrong. */
    Answer refusal(Refusal refusal, RequestHead request, String detail);

    /**
     * A request body as WireMock's request journal shows it when the mock hides secrets (the default): credentials,
     * tokens and configuration values replaced by {@code Violation.REDACTED}. As received by default.
     */
    default byte[] journaledRequestBody(RequestHead request, byte[] body) {
        return body;
    }

    /** An answer's body as the journal shows it when the mock hides secrets; as sent by default. */
    default byte[] journaledResponseBody(RequestHead request, byte[] body) {
        return body;
    }

    /** Adds what the service needs to the options of the server to create (extensions, ...); nothing by default. */
    default void configure(WireMockConfiguration options) {}

    /**
     * Where a service that answers outside its routes (through WireMock's admin API) holds the bodies it sends as they
     * are read, by serve event; given once, as the server is built. Its routes' answers need none: a route answers
     * {@link Answer#streamed}. Nothing by default.
     */
    default void streamBodiesThrough(StreamedBodies bodies) {}

    /**
     * Waits until the service can answer, once the server has started (the CodePipeline service's schemas compile
     * meanwhile); a failure here stops the server. Nothing to wait for by default.
     */
    default void awaitReady() {}

    /**
     * The server is about to stop: end what holds its threads (the Lambda Runtime API's long polls), so that it stops
     * at once. Nothing by default.
     */
    default void stopping() {}

    /** Forgets the service's state (jobs, objects, faults...), with the mock's reset. */
    default void reset() {}

    /** Releases what the service holds beyond the heap (temporary files, ...); nothing by default. */
    @Override
    default void close() {}
}
