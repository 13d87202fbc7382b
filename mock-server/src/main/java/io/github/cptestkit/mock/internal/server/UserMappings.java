package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.core.MappingsSaver;
import com.github.tomakehurst.wiremock.standalone.MappingsLoader;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * WireMock's mappings folder ({@code mappings} under its files root) as the mock uses it: the stubs WireMock loads
 * at start and writes on {@code POST /__admin/mappings/save} (or for a {@code persistent} stub), but never the mock's
 * own stubs, which it installs at every start: saved, they would be loaded again beside the installed ones (a start
 * fails on their duplicate ids), and a user's saved folder would hold the mock's internals.
 *
 * <pre>{@code
 * options.mappingSource(new UserMappings(options.mappingsLoader(), options.mappingsSaver(), ownIds));
 * }</pre>
 *
 * @param loader the mappings WireMock loads (as configured)
 * @param saver  where WireMock saves them (as configured)
 * @param own    the ids of the mock's own stubs
 */
record UserMappings(MappingsLoader loader, MappingsSaver saver, Set<UUID> own) implements MappingsSource {

    UserMappings {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(saver, "saver");
        own = Set.copyOf(own);
    }

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        loader.loadMappingsInto(stubMappings);
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
        saver.save(stubMappings.stream().filter(stub -> !own.contains(stub.getId())).toList());
    }

    @Override
    public void save(StubMapping stubMapping) {
        if (!own.contains(stubMapping.getId())) {
            saver.save(stubMapping);
        }
    }

    @Override
    public void remove(StubMapping stubMapping) {
        if (!own.contains(stubMapping.getId())) {
            saver.remove(stubMapping);
        }
    }

    @Override
    public void remove(UUID stubMappingId) {
        if (!own.contains(stubMappingId)) {
            saver.remove(stubMappingId);
        }
    }

    @Override
    public void removeAll() {
        saver.removeAll();
    }
}
