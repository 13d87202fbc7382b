package io.github.cptestkit.mock.internal;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;

/**
 * One emulated AWS service plugged into the mock's WireMock server: the extensions it answers with, and the
 * low-priority stub mappings that route its requests to them (so user stubs of higher priority win).
 * {@code CodePipelineMock} registers the extensions when it creates the server, installs the stubs at start and
 * again after every reset, and resets each emulator with the mock.
 *
 * <pre>{@code
 * final class S3Emulator implements ServiceEmulator { ... }   // routes S3 paths to an artifact store
 * }</pre>
 */
public interface ServiceEmulator {

    /** WireMock extensions to register when the server is created. */
    List<Extension> extensions();

    /**
     * Stub mappings to install at start and after every reset, at a priority number larger than WireMock's
     * default (5) so that user stubs win.
     */
    List<StubMapping> stubMappings();

    /** Forgets the emulator's own state (the job store is reset by the mock itself). */
    void reset();
}
