package io.github.cptestkit.junit.internal;

import io.github.cptestkit.junit.Seed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where the seeds of fake jobs come from. The class seed is the extension's own, else the {@code @Seed} of the
 * test class or the nearest enclosing class, else a hash of the class name. A test's seed is the {@code @Seed} of
 * its method, else a mix of the class seed and the test's unique id: stable across runs and test orders, different
 * for every test.
 *
 * <pre>{@code long seed = Seeds.testSeed(context, options);}</pre>
 */
public final class Seeds {

    private Seeds() {}

    /** The seed of the class of {@code context} (a class or a test context). */
    public static long classSeed(ExtensionContext context, MockOptions options) {
        if (options.seed() != null) {
            return options.seed();
        }
        Class<?> testClass = context.getRequiredTestClass();
        List<Class<?>> classes = new ArrayList<>();
        classes.add(testClass);
        List<Class<?>> enclosing = new ArrayList<>(context.getEnclosingTestClasses());
        java.util.Collections.reverse(enclosing);
        classes.addAll(enclosing);
        for (Class<?> candidate : classes) {
            Optional<Seed> seed = AnnotationSupport.findAnnotation(candidate, Seed.class);
            if (seed.isPresent()) {
                return seed.get().value();
            }
        }
        return mix(hash(testClass.getName()));
    }

    /** The seed of the test of {@code context}; the class seed for a class context. */
    public static long testSeed(ExtensionContext context, MockOptions options) {
        Optional<Seed> own = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Seed.class));
        if (own.isPresent()) {
            return own.get().value();
        }
        long classSeed = classSeed(context, options);
        if (context.getTestMethod().isEmpty()) {
            return classSeed;
        }
        return mix(classSeed ^ hash(context.getUniqueId()));
    }

    /** FNV-1a over the UTF-8 bytes: a stable 64-bit hash (String.hashCode has 32 bits). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: spreads every input bit over the result. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
