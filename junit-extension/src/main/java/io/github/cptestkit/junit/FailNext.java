package io.github.cptestkit.junit;

import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The next {@link #times()} calls of {@link #operation()} (of any operation when none is given) answer the AWS
 * error {@link #error()} instead of the emulator. Planned before each test, after the reset; on a class it holds
 * for each of its tests (and those of its {@code @Nested} classes). Repeatable; faults are used in the order
 * declared: enclosing classes first, then the class, then the method.
 *
 * <pre>{@code
 * @FailNext(operation = Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, error = AwsError.INTERNAL_FAILURE)
 * @Test
 * void anAcknowledgeErrorLeavesTheJobForTheNextPoll(...) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(FailNext.List.class)
public @interface FailNext {

    /**
     * The operations concerned; none (the default) means any operation.
     *
     * @return the operations whose next calls fail; empty for the next calls of any operation
     */
    Operation[] operation() default {};

    /**
     * The error to answer with (its HTTP status, {@code __type} and {@code x-amzn-ErrorType}).
     *
     * @return the error, e.g. {@code AwsError.THROTTLING}
     */
    AwsError error();

    /**
     * The message; AWS's own for service-wide errors, or one naming the injection, by default.
     *
     * @return the error message, or empty for the default one
     */
    String message() default "";

    /**
     * How many calls (1 or more).
     *
     * @return how many of the next calls fail, 1 or more
     */
    int times() default 1;

    /**
     * Whether the error may be one the operation never answers (its model does not list it, e.g.
     * InvalidNonceException for PollForJobs; for any operation: one not service-wide). Off by default: such a
     * fault is refused with the errors the operation can answer.
     *
     * @return {@code true} to allow an error outside the operation's model
     */
    boolean anyError() default false;

    /** The container of repeated {@link FailNext}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        /**
         * The repeated annotations.
         *
         * @return the faults, in declaration order
         */
        FailNext[] value();
    }
}
