package io.github.cptestkit.mock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * A mock in a JVM of its own, for tests of its memory: prints {@code ENDPOINT <uri>} once it serves, then answers
 * each {@code heap} line on stdin with {@code HEAP <bytes>}, the heap in use after a full collection, and stops when
 * stdin ends.
 *
 * <pre>{@code java -Xmx256m -cp <test classpath> io.github.cptestkit.mock.HeapProbe}</pre>
 */
public final class HeapProbe {

    private HeapProbe() {}

    public static void main(String[] args) throws Exception {
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            System.out.println("ENDPOINT " + mock.endpoint());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                if (line.equals("heap")) {
                    System.out.println("HEAP " + heapAfterFullGc());
                }
            }
        }
    }

    /** Heap in use after System.gc(), a full collection with the default collector. */
    static long heapAfterFullGc() {
        System.gc();
        System.gc(); // what the first one's finalization or reference processing freed
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
