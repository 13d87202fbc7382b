package io.github.cptestkit.mock.internal.server;

import java.util.List;

/**
 * The services one mock serves on its port, in the order they claim requests, and which of them a request is for:
 * the first whose {@link MockService#claims} takes it, else the last. The order is the mock's: the admin API (paths
 * under {@code /__admin}, WireMock's own included), then the services told apart by path or header (CodePipeline:
 * any request with an {@code X-Amz-Target}, and {@code POST /} unless it is signed for S3), then the artifact
 * bucket, which takes everything else. Each service answers what it claims in its own protocol.
 *
 * <pre>{@code
 * Services services = new Services(List.of(admin, codePipeline, artifactBucket));
 * services.serviceFor(new RequestHead("POST", "/", request::getHeader));   // codePipeline
 * services.serviceFor(new RequestHead("GET", "/bucket/key", name -> null)); // artifactBucket
 * }</pre>
 */
public final class Services {

    private final List<MockService> inClaimOrder;

    /** The services in the order they claim requests; the last one takes whatever the others leave. */
    public Services(List<MockService> inClaimOrder) {
        if (inClaimOrder.isEmpty()) {
            throw new IllegalArgumentException("a mock serves at least one service, but was given none");
        }
        this.inClaimOrder = List.copyOf(inClaimOrder);
    }

    /** The service a request is for. */
    public MockService serviceFor(RequestHead request) {
        for (int i = 0; i < inClaimOrder.size() - 1; i++) {
            if (inClaimOrder.get(i).claims(request)) {
                return inClaimOrder.get(i);
            }
        }
        return inClaimOrder.get(inClaimOrder.size() - 1);
    }

    /** The services, in claim order. */
    public List<MockService> all() {
        return inClaimOrder;
    }

    /** Every service's routes, service by service. */
    public List<Route> routes() {
        return inClaimOrder.stream().flatMap(service -> service.routes().stream()).toList();
    }
}
