package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.store.BlobStore;
import com.github.tomakehurst.wiremock.store.ObjectStore;
import com.github.tomakehurst.wiremock.store.RecorderStateStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import java.util.Objects;

/**
 * WireMock's stores (the user's, or WireMock's defaults) with the request journal's and the stub mappings' stores
 * replaced; everything else, start and stop included, goes to the original stores. How the mock puts in its
 * {@link BoundedRequestJournal} and {@link RoutingStubStore} without touching any store of the user's.
 *
 * <pre>{@code
 * Stores stores = options.getStores();
 * options.withStores(new MockStores(stores, myJournal, stores.getStubStore()));
 * }</pre>
 */
record MockStores(Stores stores, RequestJournalStore journal, StubMappingStore stubStore) implements Stores {

    MockStores {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(stubStore, "stubStore");
    }

    @Override
    public StubMappingStore getStubStore() {
        return stubStore;
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
        return journal;
    }

    @Override
    public SettingsStore getSettingsStore() {
        return stores.getSettingsStore();
    }

    @Override
    public ScenariosStore getScenariosStore() {
        return stores.getScenariosStore();
    }

    @Override
    public RecorderStateStore getRecorderStateStore() {
        return stores.getRecorderStateStore();
    }

    @Override
    public BlobStore getMappingsBlobStore() {
        return stores.getMappingsBlobStore();
    }

    @Override
    public BlobStore getFilesBlobStore() {
        return stores.getFilesBlobStore();
    }

    @Override
    public BlobStore getBlobStore(String name) {
        return stores.getBlobStore(name);
    }

    @Override
    public ObjectStore getObjectStore(String name, PersistenceType persistenceTypeHint, int maxSize) {
        return stores.getObjectStore(name, persistenceTypeHint, maxSize);
    }

    @Override
    public void start() {
        stores.start();
    }

    @Override
    public void stop() {
        stores.stop();
    }
}
