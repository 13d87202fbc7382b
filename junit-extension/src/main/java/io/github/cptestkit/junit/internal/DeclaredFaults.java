package io.github.cptestkit.junit.internal;

import io.github.cptestkit.junit.Delay;
import io.github.cptestkit.junit.FailNext;
import io.github.cptestkit.junit.Throttle;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The faults a test declares with {@code @FailNext}, {@code @Throttle} and {@code @Delay}: those of the enclosing
 * classes (outermost first), then of the test class (and its superclasses), then of the method, each in
 * declaration order; planned on the mock in that order.
 *
 * <pre>{@code DeclaredFaults.of(context).forEach(fault -> fault.planOn(mock));}</pre>
 */
public final class DeclaredFaults {

    /**
     * One planned fault.
     *
     * @param operation the operation, or {@code null} for any
     * @param times     how many calls
     * @param fault     what they answer
     */
    public record Planned(Operation operation, int times, InjectedFault fault) {

        /** Plans this fault on {@code mock}. */
        public void planOn(CodePipelineMock mock) {
            if (operation == null) {
                mock.failNext(times, fault);
            } else {
                mock.failNext(operation, times, fault);
            }
        }
    }

    private DeclaredFaults() {}

    /** The faults declared for the test (or class) of {@code context}, checked. */
    public static List<Planned> of(ExtensionContext context) {
        List<Planned> planned = new ArrayList<>();
        for (AnnotatedElement element : elements(context)) {
            for (FailNext failNext : AnnotationSupport.findRepeatableAnnotations(element, FailNext.class)) {
                String message = failNext.message().isEmpty() ? null : failNext.message();
                InjectedFault fault = failNext.anyError()
                        ? (message == null ? InjectedFault.anyError(failNext.error())
                                : InjectedFault.anyError(failNext.error(), message))
                        : (message == null ? InjectedFault.error(failNext.error())
                                : InjectedFault.error(failNext.error(), message));
                add(planned, "@FailNext", element, failNext.operation(), failNext.times(), fault);
            }
            for (Throttle throttle : AnnotationSupport.findRepeatableAnnotations(element, Throttle.class)) {
                add(planned, "@Throttle", element, throttle.operation(), throttle.times(),
                        InjectedFault.error(AwsError.THROTTLING));
            }
            for (Delay delay : AnnotationSupport.findRepeatableAnnotations(element, Delay.class)) {
                if (delay.millis() < 0 || delay.millis() > Delay.MAX_MILLIS) {
                    throw new ExtensionConfigurationException("@Delay on " + name(element) + " has millis="
                            + delay.millis() + "; millis must be between 0 and " + Delay.MAX_MILLIS
                            + ". Use a delay in that range.");
                }
                add(planned, "@Delay", element, delay.operation(), delay.times(),
                        InjectedFault.delay(Duration.ofMillis(delay.millis())));
            }
        }
        return planned;
    }

    /** Where a test's declarations are, in the order they apply: enclosing classes, the class, the method. */
    static List<AnnotatedElement> elements(ExtensionContext context) {
        List<AnnotatedElement> elements = new ArrayList<>(context.getEnclosingTestClasses());
        context.getTestClass().ifPresent(elements::add);
        context.getTestMethod().ifPresent(elements::add);
        return elements;
    }

    private static void add(List<Planned> planned, String annotation, AnnotatedElement element,
            Operation[] operations, int times, InjectedFault fault) {
        if (times < 1) {
            throw new ExtensionConfigurationException(annotation + " on " + name(element) + " has times=" + times
                    + "; times must be at least 1. Use times = 1 or remove the annotation.");
        }
        List<Operation> concerned = operations.length == 0 ? java.util.Collections.singletonList(null)
                : List.of(operations);
        for (Operation operation : concerned) {
            if (fault instanceof InjectedFault.ErrorAnswer error) {
                try {
                    error.checkFor(operation);
                } catch (IllegalArgumentException refused) {
                    throw new ExtensionConfigurationException(annotation + " on " + name(element) + ": "
                            + refused.getMessage().replace("make the fault with InjectedFault.anyError(...) (admin"
                                    + " API: \"anyError\": true)", "add anyError = true"));
                }
            }
            planned.add(new Planned(operation, times, fault));
        }
    }

    static String name(AnnotatedElement element) {
        if (element instanceof Class<?> type) {
            return type.getName();
        }
        java.lang.reflect.Method method = (java.lang.reflect.Method) element;
        return method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
}
