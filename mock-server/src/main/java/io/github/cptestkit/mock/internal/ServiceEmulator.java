package io.github.cptestkit.mock.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import java.util.Map;

/**
 * One emulated AWS service plugged into the mock's WireMock server: the options it needs (its extensions, at
 * least), and the low-priority stub mappings that route its requests to them (so user stubs of higher priority win).
 * {@code CodePipelineMock} lets each emulator configure the server's options before it creates the server, installs
 * the stubs at start and again after every reset, resets each emulator with the mock and closes it with the mock.
 *
 * <pre>{@code
 * final class S3Emulator implements ServiceEmulator { ... }   // routes S3 requests to an artifact store
 * emulators.forEach(emulator -> emulator.configure(options));
 * WireMockServer server = new WireMockServer(options);
 * }</pre>
 */
public interface ServiceEmulator extends AutoCloseable {

    /** Adds the emulator's WireMock extensions (and any option it needs) to the options of a server to create. */
    WireMockConfiguration configure(WireMockConfiguration options);

    /**
     * Stub mappings to install at start and after every reset, at a priority number larger than WireMock's
     * default (5) so that user stubs win.
     */
    List<StubMapping> stubMappings();

    /**
     * For each of {@link #stubMappings()}, the route that takes exactly the requests the stub's pattern matches
     * (how the mock finds a request's stub without evaluating patterns while it holds no stub but its own).
     */
    List<StubRoute> routes();

    /** Forgets the emulator's own state (the job store is reset by the mock itself). */
    void reset();

    /**
     * How every emulator hands its protocol's answer to WireMock: the status, the headers in their order, and the
     * body (none when it is empty, as for HEAD).
     */
    static ResponseDefinitionBuilder response(int status, Map<String, String> headers, byte[] body) {
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(status);
        headers.forEach(response::withHeader);
        if (body.length > 0) {
            response.withBody(body);
        }
        return response;
    }

    /** Releases what the emulator holds beyond the heap (temporary files, ...); nothing by default. */
    @Override
    default void close() {}
}
