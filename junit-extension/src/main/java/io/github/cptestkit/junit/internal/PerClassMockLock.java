package io.github.cptestkit.junit.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * One exclusive lock per top-level test class: the tests of a class (its {@code @Nested} classes included) share
 * one mock that is reset before each of them, so they run one at a time, while other classes, each with its own
 * mock, run in parallel. Named by {@code @CodePipelineMockTest}.
 *
 * <pre>{@code @ResourceLock(providers = PerClassMockLock.class)}</pre>
 */
public final class PerClassMockLock implements ResourceLocksProvider {

    /** The prefix of every lock key. */
    public static final String KEY_PREFIX = "io.github.cptestkit.mock:";

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return Set.of(lock(testClass));
    }

    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return Set.of(lock(enclosingInstanceTypes.isEmpty() ? testClass : enclosingInstanceTypes.get(0)));
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return Set.of();
    }

    private static Lock lock(Class<?> topLevelClass) {
        return new Lock(KEY_PREFIX + topLevelClass.getName());
    }
}
