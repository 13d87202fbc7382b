package io.github.cptestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The seed of the fake jobs. On a class (or an enclosing class) it is the class seed, from which each test's own
 * seed is derived (stable across runs and test orders); without it the class seed is derived from the class name.
 * On a method it is that test's seed exactly: copy the seed a failure message shows to replay the test.
 *
 * <pre>{@code
 * @Seed(-4962768465676381896L)   // from "seed -4962768465676381896 (replay: @Seed(-4962768465676381896L))"
 * @Test
 * void reportsSuccess(@FakeJob FakeThirdPartyJob job) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Seed {

    /**
     * The seed.
     *
     * @return any long, e.g. the one a failing test's message printed
     */
    long value();
}
