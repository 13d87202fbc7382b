package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.store.InMemoryStubMappingStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WireMock's stub store which, while it holds the mock's own stubs and nothing else, finds the stub for a request
 * by the services' {@linkplain StubRoute routes} instead of evaluating every stub's request pattern.
 *
 * <p>WireMock finds a request's stub by matching it against each stub's pattern, priority by priority; each
 * evaluation builds a dozen match results, and every CodePipeline call was evaluated against the artifact bucket's
 * stub, then the emulator's. A route answers the same question with one test written for its stub (a method, a
 * path and a header; the bucket's signature check). This store keeps WireMock's in-memory store as the truth for
 * everything else, and takes the shortcut only while that store holds exactly the routed stubs, unedited: a stub of
 * the user's, one loaded from files, or an edit of one of the mock's stubs turns the shortcut off until the stubs
 * are reset, and WireMock decides as usual. Serve events, the journal, {@code Matched-Stub-Id} and transformers see
 * the same stub either way; {@code RoutingStubStoreTest} checks the routes against WireMock's evaluation.
 *
 * <pre>{@code
 * WireMockConfiguration options = options().dynamicPort();
 * RoutingStubStore.install(options, routes);   // after every other option; replaces only the stub store
 * WireMockServer server = new WireMockServer(options);
 * }</pre>
 */
public final class RoutingStubStore implements StubMappingStore {

    private final StubMappingStore stubs;
    /** The routes by the id of their stub. */
    private final Map<UUID, StubRoute> routes = new HashMap<>();
    /** Routed stubs edited since they were added: the routes no longer describe them. Guarded by this. */
    private final Set<UUID> edited = new HashSet<>();
    /**
     * The stored stubs with their routes, in WireMock's order (priority, then insertion), while the store holds
     * exactly the routed stubs, unedited; otherwise empty, and WireMock evaluates every stub.
     */
    private volatile Routed[] routed = new Routed[0];

    RoutingStubStore(StubMappingStore stubs, List<StubRoute> routes) {
        this.stubs = Objects.requireNonNull(stubs, "stubs");
        for (StubRoute route : routes) {
            if (this.routes.putIfAbsent(route.stubId(), route) != null) {
                throw new IllegalArgumentException("two routes for the stub " + route.stubId() + "; one per stub");
            }
        }
        refresh();
    }

    /**
     * Gives {@code options} this store in front of WireMock's in-memory stub store, and answers it; a stub store of
     * the user's own is left alone (and with it, the shortcut): then empty.
     */
    public static Optional<RoutingStubStore> install(WireMockConfiguration options, List<StubRoute> routes) {
        var stores = options.getStores();
        if (stores.getStubStore() instanceof InMemoryStubMappingStore inMemory) {
            RoutingStubStore store = new RoutingStubStore(inMemory, routes);
            options.withStores(new MockStores(stores, stores.getRequestJournalStore(), store));
            return Optional.of(store);
        }
        return Optional.empty();
    }

    /** Whether requests are routed now (the store holds exactly the routed stubs, unedited). */
    boolean isRouting() {
        return routed.length > 0;
    }

    @Override
    public Stream<StubMapping> findAllMatchingRequest(Request request,
            Map<String, RequestMatcherExtension> customMatchers, Consumer<SubEvent> subEventConsumer) {
        try {
            for (Routed candidate : routed) {
                if (candidate.route().takes().test(request)) {
                    return Stream.of(candidate.stub());
                }
            }
        } catch (RuntimeException unroutable) {
            // A request a route cannot read is left to the patterns, which are the reference: WireMock decides.
        }
        return stubs.findAllMatchingRequest(request, customMatchers, subEventConsumer);
    }

    @Override
    public Stream<StubMapping> getAll() {
        return stubs.getAll();
    }

    @Override
    public Optional<StubMapping> get(UUID id) {
        return stubs.get(id);
    }

    @Override
    public synchronized void add(StubMapping stub) {
        stubs.add(stub);
        refresh();
    }

    @Override
    public synchronized void replace(StubMapping existing, StubMapping updated) {
        stubs.replace(existing, updated);
        if (routes.containsKey(updated.getId()) || routes.containsKey(existing.getId())) {
            edited.add(updated.getId());
            edited.add(existing.getId());
        }
        refresh();
    }

    @Override
    @SuppressWarnings("removal") // WireMock's store API: removal by stub, by id or, failing that, by request pattern
    public synchronized void remove(StubMapping stub) {
        stubs.remove(stub);
        refresh();
    }

    @Override
    public synchronized void remove(UUID id) {
        stubs.remove(id);
        refresh();
    }

    @Override
    public synchronized void clear() {
        stubs.clear();
        edited.clear();
        refresh();
    }

    /**
     * Looks at what the store holds after a change (stubs change seldom; requests only read {@link #routed}). The
     * routed stubs are kept in the store's own order, which is the order WireMock tries stubs in.
     */
    private void refresh() {
        List<StubMapping> inOrder = stubs.getAll().toList();
        Set<UUID> ids = new HashSet<>();
        inOrder.forEach(stub -> ids.add(stub.getId()));
        edited.retainAll(ids);
        if (inOrder.size() != routes.size() || !ids.equals(routes.keySet()) || !edited.isEmpty()) {
            routed = new Routed[0];
            return;
        }
        routed = inOrder.stream().map(stub -> new Routed(routes.get(stub.getId()), stub)).toArray(Routed[]::new);
    }

    private record Routed(StubRoute route, StubMapping stub) {}
}
