package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.CodePipelineMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock, its admin API with it, listens on the loopback address unless told otherwise, and says so when it is
 * told otherwise: the library logs a warning, the standalone banner prints one.
 */
class LoopbackBindingTest {

    final Logger logger = Logger.getLogger(CodePipelineMock.class.getName());
    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureTheLibrarysLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void byDefaultTheMockListensOnLoopbackOnlyAndWarnsOfNothing() throws Exception {
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            assertThat(InetAddress.getByName(mock.endpoint().getHost()).isLoopbackAddress()).isTrue();
            assertThat(mock.wireMock().getOptions().bindAddress()).isEqualTo("127.0.0.1");
        }
        assertThat(logged).isEmpty();
    }

    @Test
    void boundToEveryInterfaceTheLibraryLogsAWarningNamingTheAdminApi() {
        try (CodePipelineMock mock = CodePipelineMock.builder().bindAddress("0.0.0.0").build().start()) {
            assertThat(logged).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains("0.0.0.0:" + mock.port(), "beyond this machine",
                        "/__admin/codepipeline/");
            });
        }
    }

    @Test
    void theStandaloneBannerWarnsWhenItListensBeyondLoopbackAndNotOtherwise() {
        assertThat(banner("--port", "0", "--bind", "0.0.0.0")).contains("WARNING: listening on 0.0.0.0 (every"
                + " interface), beyond this machine");
        assertThat(banner("--port", "0")).doesNotContain("WARNING");
    }

    static String banner(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MockServerCommand command = new MockServerCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(command.execute(args)).isZero();
        } finally {
            if (command.running() != null) {
                command.running().close();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
