package io.github.cptestkit.mock.internal.server;

/**
 * The one place that states the priorities of the mock's own stubs. WireMock tries stubs from priority 1 (highest)
 * down, its default being 5; the mock's stubs all come after {@link #USER_STUBS_WIN_UP_TO}, so that a user stub of
 * any priority from 1 to that bound wins over every stub of the mock, on every service. Among the mock's stubs the
 * order below decides what a request that two routes could take gets.
 *
 * <pre>{@code new Route("my-service/operations", "My service's operations", StubPriority.OPERATION, pattern, handler)}</pre>
 */
public enum StubPriority {

    /**
     * Requests told apart by their signature's credential scope (the artifact bucket's requests signed for
     * {@code s3}): tried before the routes by path and header, because a request shaped like a CodePipeline call but
     * signed for {@code s3} is the bucket's.
     */
    SIGNED_FOR_SERVICE(100),
    /**
     * A service's operations, told apart by path and header: CodePipeline's {@code POST /} with one of its
     * {@code X-Amz-Target}s, the Lambda Runtime API's paths.
     */
    OPERATION(1000),
    /** A request plainly for a service that names no operation the service has: any other {@code X-Amz-Target}. */
    UNKNOWN_OPERATION(1001),
    /** The mock's last stub: any request no other stub takes, answered by the service it is for. */
    CATCH_ALL(10_000);

    /**
     * The highest priority number a user stub may have and still win over all of the mock's stubs: the priority just
     * above the mock's first one.
     */
    public static final int USER_STUBS_WIN_UP_TO = 99;

    private final int value;

    StubPriority(int value) {
        this.value = value;
    }

    /** The WireMock priority number. */
    public int value() {
        return value;
    }
}
