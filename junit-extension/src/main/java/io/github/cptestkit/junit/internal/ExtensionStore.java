package io.github.cptestkit.junit.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Every Store access of the extension, in one place (JUnit 6 renames {@code getOrComputeIfAbsent}). Keys are
 * classes, values are created atomically and looked up through the ancestor contexts, so a {@code @Nested} class
 * finds the mock of its enclosing class.
 *
 * <pre>{@code MockHolder holder = ExtensionStore.holder(context).orElseThrow();}</pre>
 */
public final class ExtensionStore {

    private static final Namespace NAMESPACE = Namespace.create(ExtensionStore.class);

    private ExtensionStore() {}

    /** The mock of {@code context} or of its nearest ancestor that has one. */
    public static Optional<MockHolder> holder(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(MockHolder.class, MockHolder.class));
    }

    /**
     * The mock of {@code context} or an ancestor; else a new one from {@code start}, kept in {@code context}
     * (closed when it ends).
     */
    public static MockHolder holderOrStart(ExtensionContext context, Supplier<MockHolder> start) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(MockHolder.class, key -> start.get(),
                MockHolder.class);
    }

    /**
     * The state of the test (or class) of {@code context}, made by {@code create} the first time it is asked for;
     * keyed by the context's unique id, so a test never sees the state of its class.
     */
    public static TestState testState(ExtensionContext context, Supplier<TestState> create) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(new StateKey(context.getUniqueId()),
                key -> create.get(), TestState.class);
    }

    private record StateKey(String uniqueId) {}
}
