package io.github.cptestkit.junit;

import io.github.cptestkit.schemas.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The next {@link #times()} calls of {@link #operation()} (of any operation when none is given) answer
 * {@code ThrottlingException} ("Rate exceeded", HTTP 400), which the AWS SDKs retry. Same rules as
 * {@link FailNext}.
 *
 * <pre>{@code
 * @Throttle(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, times = 2)
 * @Test
 * void pollsThroughThrottling(...) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Throttle.List.class)
public @interface Throttle {

    /**
     * The operations concerned; none (the default) means any operation.
     *
     * @return the operations whose next calls are throttled; empty for the next calls of any operation
     */
    Operation[] operation() default {};

    /**
     * How many calls (1 or more).
     *
     * @return how many of the next calls are throttled, 1 or more
     */
    int times() default 1;

    /** The container of repeated {@link Throttle}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        /**
         * The repeated annotations.
         *
         * @return the throttles, in declaration order
         */
        Throttle[] value();
    }
}
