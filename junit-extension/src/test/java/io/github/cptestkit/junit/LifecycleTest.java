package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One mock per class, reset before each test, shared with @Nested classes; per test in an instance field. */
class LifecycleTest {

    /** The mocks the fixtures saw, in test order. */
    static final List<CodePipelineMock> MOCKS = new CopyOnWriteArrayList<>();
    /** What the hooks of {@link RecordingExtension} saw. */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        MOCKS.clear();
        EVENTS.clear();
    }

    @ExtensionFixture
    @CodePipelineMockTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedMockFixture {
        @Test
        @Order(1)
        void first(CodePipelineMock mock, @FakeJob FakeThirdPartyJob job) {
            MOCKS.add(mock);
            assertThat(mock.jobs()).hasSize(1);
        }

        @Test
        @Order(2)
        void second(CodePipelineMock mock) {
            MOCKS.add(mock);
            assertThat(mock.jobs()).as("the first test's job, after the reset").isEmpty();
            mock.registerClient("c11e0000-0000-4000-8000-000000000001", "token");
        }

        @Nested
        class Inner {
            @Test
            void nested(CodePipelineMock mock, @FakeJob FakeThirdPartyJob job) {
                MOCKS.add(mock);
                assertThat(mock.jobs()).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestInstance.Lifecycle.class)
    void aClassAndItsNestedClassesShareOneMockResetBeforeEachTest(TestInstance.Lifecycle lifecycle) {
        Fixtures.run(Map.of("junit.jupiter.testinstance.lifecycle.default", lifecycle.name()),
                        SharedMockFixture.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(MOCKS).hasSize(3).allSatisfy(mock -> assertThat(mock).isSameAs(MOCKS.get(0)));
        assertThat(MOCKS.get(0).isRunning()).as("stopped after the class").isFalse();
    }

    static final List<Instant> INSTANTS = new CopyOnWriteArrayList<>();

    @ExtensionFixture
    @CodePipelineMockTest(mockClock = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MockClockFixture {
        @Test
        @Order(1)
        void movesTheClock(MockClock clock) {
            INSTANTS.add(clock.instant());
            clock.advance(Duration.ofHours(2));
        }

        @Test
        @Order(2)
        void findsItBack(MockClock clock, CodePipelineMock mock) {
            INSTANTS.add(clock.instant());
            assertThat(mock.clock()).isSameAs(clock);
        }
    }

    @Test
    void aMockClockIsPutBackToTheClassesStartBeforeEachTest() {
        INSTANTS.clear();
        Fixtures.run(MockClockFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(INSTANTS).hasSize(2).containsOnly(INSTANTS.get(0));
    }

    @ExtensionFixture
    static class InstanceFieldFixture {
        @RegisterExtension
        final CodePipelineMockExtension extension = CodePipelineMockExtension.builder().build();

        @Test
        void one(CodePipelineMock mock, @FakeJob FakeThirdPartyJob job) {
            MOCKS.add(mock);
            assertThat(mock.isRunning()).isTrue();
        }

        @Test
        void two(CodePipelineMock mock) {
            MOCKS.add(mock);
            assertThat(mock.jobs()).isEmpty();
        }
    }

    @Test
    void inAnInstanceFieldEachTestGetsItsOwnMockStoppedAfterIt() {
        Fixtures.run(InstanceFieldFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(MOCKS).hasSize(2).doesNotHaveDuplicates();
        assertThat(MOCKS).noneMatch(CodePipelineMock::isRunning);
    }

    static class RecordingExtension extends CodePipelineMockExtension {
        RecordingExtension() {
            super(CodePipelineMockExtension.builder());
        }

        @Override
        protected void onMockStarted(ExtensionContext context, CodePipelineMock mock) {
            EVENTS.add("started " + context.getDisplayName());
        }

        @Override
        protected void onBeforeEach(ExtensionContext context, CodePipelineMock mock) {
            EVENTS.add("before " + context.getDisplayName() + " jobs=" + mock.jobs().size());
        }

        @Override
        protected void onAfterEach(ExtensionContext context, CodePipelineMock mock) {
            EVENTS.add("after " + context.getDisplayName() + " jobs=" + mock.jobs().size());
        }
    }

    @ExtensionFixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class HooksFixture {
        @RegisterExtension
        static final RecordingExtension EXTENSION = new RecordingExtension();

        @Test
        @Order(1)
        void first(@FakeJob FakeThirdPartyJob job) {}

        @Test
        @Order(2)
        void second() {}
    }

    @Test
    void subclassHooksRunOnceTheMockStartedAndAroundEachTestAfterTheReset() {
        Fixtures.run(HooksFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(EVENTS).containsExactly("started LifecycleTest$HooksFixture",
                "before first(FakeThirdPartyJob) jobs=0", "after first(FakeThirdPartyJob) jobs=1",
                "before second() jobs=0", "after second() jobs=0");
    }

    /** Counts down after each test of {@link StaticFieldFixture}, once the extension is done with it. */
    static class Departures implements AfterEachCallback {
        static final CountDownLatch DEPARTED = new CountDownLatch(1);

        @Override
        public void afterEach(ExtensionContext context) {
            DEPARTED.countDown();
        }
    }

    @ExtensionFixture
    @ExtendWith(Departures.class)
    static class StaticFieldFixture {
        @RegisterExtension
        static final CodePipelineMockExtension EXTENSION = CodePipelineMockExtension.builder().build();

        @Test
        void one(CodePipelineMock mock) throws InterruptedException {
            holdTheMockUntilTheOtherTestIsDone();
        }

        @Test
        void two(CodePipelineMock mock) throws InterruptedException {
            holdTheMockUntilTheOtherTestIsDone();
        }

        /** Only a test that got the mock runs this; it returns once the other one gave up. */
        private static void holdTheMockUntilTheOtherTestIsDone() throws InterruptedException {
            assertThat(Departures.DEPARTED.await(30, TimeUnit.SECONDS)).as("the other test finished").isTrue();
        }
    }

    @Test
    void inAStaticFieldUnderParallelExecutionASecondConcurrentTestIsToldWhyAndHowToFixIt() {
        Map<String, String> parallel = Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");
        Fixtures.run(parallel, StaticFieldFixture.class).testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1))
                .assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(text -> text.matches(
                                "Tests in io\\.github\\.cptestkit\\.junit\\.LifecycleTest\\$StaticFieldFixture share"
                                + " one CodePipeline mock that is reset before each test, so they cannot run"
                                + " concurrently; StaticFieldFixture\\.(one|two)\\(CodePipelineMock\\) started"
                                + " while StaticFieldFixture\\.(one|two)\\(CodePipelineMock\\) was running\\."
                                + " Annotate the class with @CodePipelineMockTest \\(which serialises its tests\\)"
                                + " or register the extension in an instance field to get a mock per test\\.")))));
    }
}
