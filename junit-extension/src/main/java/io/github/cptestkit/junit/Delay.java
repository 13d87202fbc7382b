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
 * The next {@link #times()} calls of {@link #operation()} (of any operation when none is given) get the
 * emulator's normal answer after {@link #millis()} milliseconds (0 to 60,000). Same rules as {@link FailNext}.
 *
 * <pre>{@code
 * @Delay(operation = Operation.GET_THIRD_PARTY_JOB_DETAILS, millis = 2_000)
 * @Test
 * void givesUpOnASlowAnswer(...) { ... }   // with a client whose attempt timeout is shorter
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Delay.List.class)
public @interface Delay {

    /** The longest delay allowed, in milliseconds. */
    long MAX_MILLIS = 60_000;

    /**
     * The operations concerned; none (the default) means any operation.
     *
     * @return the operations whose next calls are delayed; empty for the next calls of any operation
     */
    Operation[] operation() default {};

    /**
     * The delay in milliseconds (0 to {@value #MAX_MILLIS}).
     *
     * @return the delay in milliseconds, 0 to {@value #MAX_MILLIS}, waited in real time
     */
    long millis();

    /**
     * How many calls (1 or more).
     *
     * @return how many of the next calls are delayed, 1 or more
     */
    int times() default 1;

    /** The container of repeated {@link Delay}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        /**
         * The repeated annotations.
         *
         * @return the delays, in declaration order
         */
        Delay[] value();
    }
}
