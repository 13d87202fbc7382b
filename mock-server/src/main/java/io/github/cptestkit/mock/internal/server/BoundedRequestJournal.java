package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.store.InMemoryRequestJournalStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * WireMock's request journal kept to the last {@code maxEntries} served requests, at a constant cost per request.
 * WireMock's own bound ({@code maxRequestJournalEntries}) counts the whole journal on every request, and its
 * in-memory store scans the journal again when each request completes: with 1000 entries the journal took three
 * quarters of the mock's time under load. Here the journal drops its oldest entry as it adds one, and finds an entry
 * by id. The newest request comes first, as in WireMock's store; thread-safe. Given a {@link JournalView}, it keeps
 * each entry without the live request and the bodies the guard keeps aside, and shows entries redacted.
 *
 * <pre>{@code
 * WireMockConfiguration options = options().dynamicPort();
 * BoundedRequestJournal.install(options, 1000);   // after every other option; replaces only the journal's store
 * WireMockServer server = new WireMockServer(options);
 * }</pre>
 */
public final class BoundedRequestJournal implements RequestJournalStore {

    private final int maxEntries;
    /** What an entry keeps and shows; {@code null} keeps entries as WireMock gives them. */
    private final JournalView view;
    private final Deque<UUID> newestFirst = new ConcurrentLinkedDeque<>();
    private final Map<UUID, ServeEvent> events = new ConcurrentHashMap<>();
    /** Entries as shown, made when first read (redacting costs a JSON round trip): the journal is read in bulk. */
    private final Map<UUID, ServeEvent> shown = new ConcurrentHashMap<>();
    /** How many ids {@link #newestFirst} holds; guarded by this object's monitor, like every change of the two. */
    private int size;

    BoundedRequestJournal(int maxEntries) {
        this(maxEntries, null);
    }

    BoundedRequestJournal(int maxEntries, JournalView view) {
        this.view = view;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be 1 or more, but was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Gives {@code options} this journal in place of WireMock's in-memory one; every other store stays as it was
     * (a journal store of the user's own, not WireMock's in-memory one, is left alone too).
     */
    public static WireMockConfiguration install(WireMockConfiguration options, int maxEntries) {
        return install(options, maxEntries, null);
    }

    /** {@link #install(WireMockConfiguration, int)}, keeping and showing entries through {@code view}. */
    public static WireMockConfiguration install(WireMockConfiguration options, int maxEntries, JournalView view) {
        Stores stores = options.getStores();
        if (stores.getRequestJournalStore() instanceof InMemoryRequestJournalStore) {
            options.withStores(new MockStores(stores, new BoundedRequestJournal(maxEntries, view),
                    stores.getStubStore()));
        }
        return options;
    }

    @Override
    public synchronized void add(ServeEvent event) {
        events.put(event.getId(), view == null ? event : view.kept(event));
        newestFirst.addFirst(event.getId());
        size++;
        while (size > maxEntries) {
            removeLast();
        }
    }

    /** The entry as shown, or {@code null} when it is no longer kept. */
    private ServeEvent shownEvent(UUID id) {
        ServeEvent kept = events.get(id);
        if (kept == null || view == null) {
            return kept;
        }
        ServeEvent event = shown.computeIfAbsent(id, ignored -> view.shown(kept));
        if (!events.containsKey(id)) {
            shown.remove(id); // dropped meanwhile
        }
        return event;
    }

    @Override
    public synchronized void removeLast() {
        UUID oldest = newestFirst.pollLast();
        if (oldest != null) {
            events.remove(oldest);
            shown.remove(oldest);
            size--;
        }
    }

    @Override
    public Stream<ServeEvent> getAll() {
        return newestFirst.stream().map(this::shownEvent).filter(Objects::nonNull);
    }

    @Override
    public Stream<UUID> getAllKeys() {
        return newestFirst.stream().filter(events::containsKey);
    }

    @Override
    public Optional<ServeEvent> get(UUID id) {
        return Optional.ofNullable(shownEvent(id));
    }

    /** Updates an entry still in the journal (WireMock calls it when the answer is sent); a dropped one stays out. */
    @Override
    public void put(UUID id, ServeEvent event) {
        if (view == null) {
            events.replace(id, event);
        } // else the kept entry shares the event's timing, which WireMock completed: nothing else changed
    }

    @Override
    public synchronized void remove(UUID id) {
        shown.remove(id);
        if (events.remove(id) != null && newestFirst.remove(id)) {
            size--;
        }
    }

    @Override
    public synchronized void clear() {
        newestFirst.clear();
        events.clear();
        shown.clear();
        size = 0;
    }
}
