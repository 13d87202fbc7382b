package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.ShutdownTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stopping the standalone mock leaves nothing behind, as {@link ShutdownTest} checks for the library's. */
class StandaloneShutdownTest {

    @Test
    void aStoppedStandaloneMockLeavesNoThreadPortOrTemporaryFile() throws Exception {
        Set<Thread> threadsBefore = ShutdownTest.threads();
        Set<Path> spillsBefore = ShutdownTest.spillDirectories();
        MockServerCommand command = new MockServerCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(command.execute("--port", "0", "--verbose", "--preset", "build-with-source-zip")).isZero();
        int port = command.running().port();
        try {
            ShutdownTest.work(command.running());
        } finally {
            command.running().close();
        }
        ShutdownTest.assertNothingLeft(threadsBefore, spillsBefore, port);
    }
}
