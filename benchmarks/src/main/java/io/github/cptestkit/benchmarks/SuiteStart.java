package io.github.cptestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.mock.CodePipelineMock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A suite in a fresh JVM, what a worker's test run pays: JUnit's launcher runs 20 test classes of 5 tests each, every
 * test answered one PollForThirdPartyJobs, either with {@code @CodePipelineMockTest} (a mock per class, reset before
 * each test; each test registers the action type) or with WireMock's own {@code @WireMockTest} (a server per class;
 * each test stubs the same call). Prints {@code SUITE <nanoseconds>} from the start of {@code main} to the end of the
 * suite, then exits.
 *
 * <pre>{@code
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/run-classpath.txt)" \
 *     io.github.cptestkit.benchmarks.SuiteStart extension      # or: wiremock
 * }</pre>
 */
public final class SuiteStart {

    static final String PRINTED = "SUITE";
    static final int CLASSES = 20;
    static final int TESTS_PER_CLASS = 5;

    private SuiteStart() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        List<Class<?>> classes = switch (args.length == 1 ? args[0] : "") {
            case "extension" -> List.of(E01.class, E02.class, E03.class, E04.class, E05.class, E06.class, E07.class,
                    E08.class, E09.class, E10.class, E11.class, E12.class, E13.class, E14.class, E15.class, E16.class,
                    E17.class, E18.class, E19.class, E20.class);
            case "wiremock" -> List.of(W01.class, W02.class, W03.class, W04.class, W05.class, W06.class, W07.class,
                    W08.class, W09.class, W10.class, W11.class, W12.class, W13.class, W14.class, W15.class, W16.class,
                    W17.class, W18.class, W19.class, W20.class);
            default -> throw new IllegalArgumentException("usage: SuiteStart extension|wiremock");
        };
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(c -> (DiscoverySelector) selectClass(c)).toList()).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != CLASSES * TESTS_PER_CLASS) {
            summary.printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
            throw new IllegalStateException("the suite passed " + summary.getTestsSucceededCount() + " of "
                    + CLASSES * TESTS_PER_CLASS + " tests");
        }
        System.out.println(PRINTED + " " + (System.nanoTime() - start));
        System.out.flush();
        System.exit(0);
    }

    private static void answered(int status) {
        if (status != 200) {
            throw new AssertionError("the call was answered " + status + ", not 200");
        }
    }

    /** Five tests on the class's mock. */
    @CodePipelineMockTest
    abstract static class ExtensionTests {
        private static void call(CodePipelineMock mock) {
            mock.registerActionType(BenchJobs.ACTION_TYPE);
            answered(ColdStart.poll(mock.port()));
        }

        @Test
        void first(CodePipelineMock mock) {
            call(mock);
        }

        @Test
        void second(CodePipelineMock mock) {
            call(mock);
        }

        @Test
        void third(CodePipelineMock mock) {
            call(mock);
        }

        @Test
        void fourth(CodePipelineMock mock) {
            call(mock);
        }

        @Test
        void fifth(CodePipelineMock mock) {
            call(mock);
        }
    }

    /** Five tests on the class's WireMock server. */
    @WireMockTest
    abstract static class WireMockTests {
        private static void call(WireMockRuntimeInfo wireMock) {
            wireMock.getWireMock().register(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                    equalTo(ColdStart.POLL_TARGET)).willReturn(aResponse().withHeader("Content-Type",
                    Answer.CONTENT_TYPE).withBody("{\"jobs\":[]}")));
            answered(ColdStart.poll(wireMock.getHttpPort()));
        }

        @Test
        void first(WireMockRuntimeInfo wireMock) {
            call(wireMock);
        }

        @Test
        void second(WireMockRuntimeInfo wireMock) {
            call(wireMock);
        }

        @Test
        void third(WireMockRuntimeInfo wireMock) {
            call(wireMock);
        }

        @Test
        void fourth(WireMockRuntimeInfo wireMock) {
            call(wireMock);
        }

        @Test
        void fifth(WireMockRuntimeInfo wireMock) {
            call(wireMock);
        }
    }

    // 20 classes of each: JUnit finds the annotations and tests on the superclass.
    static class E01 extends ExtensionTests {}
    static class E02 extends ExtensionTests {}
    static class E03 extends ExtensionTests {}
    static class E04 extends ExtensionTests {}
    static class E05 extends ExtensionTests {}
    static class E06 extends ExtensionTests {}
    static class E07 extends ExtensionTests {}
    static class E08 extends ExtensionTests {}
    static class E09 extends ExtensionTests {}
    static class E10 extends ExtensionTests {}
    static class E11 extends ExtensionTests {}
    static class E12 extends ExtensionTests {}
    static class E13 extends ExtensionTests {}
    static class E14 extends ExtensionTests {}
    static class E15 extends ExtensionTests {}
    static class E16 extends ExtensionTests {}
    static class E17 extends ExtensionTests {}
    static class E18 extends ExtensionTests {}
    static class E19 extends ExtensionTests {}
    static class E20 extends ExtensionTests {}

    static class W01 extends WireMockTests {}
    static class W02 extends WireMockTests {}
    static class W03 extends WireMockTests {}
    static class W04 extends WireMockTests {}
    static class W05 extends WireMockTests {}
    static class W06 extends WireMockTests {}
    static class W07 extends WireMockTests {}
    static class W08 extends WireMockTests {}
    static class W09 extends WireMockTests {}
    static class W10 extends WireMockTests {}
    static class W11 extends WireMockTests {}
    static class W12 extends WireMockTests {}
    static class W13 extends WireMockTests {}
    static class W14 extends WireMockTests {}
    static class W15 extends WireMockTests {}
    static class W16 extends WireMockTests {}
    static class W17 extends WireMockTests {}
    static class W18 extends WireMockTests {}
    static class W19 extends WireMockTests {}
    static class W20 extends WireMockTests {}
}
