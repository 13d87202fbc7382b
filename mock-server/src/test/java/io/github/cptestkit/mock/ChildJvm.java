package io.github.cptestkit.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A main class of the test classpath run in a JVM of its own (its own heap limit, its own signals), with its stdin
 * to write commands to, its stdout read line by line, and its stderr kept for failure messages.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.start(List.of("-Xmx256m"), HeapProbe.class)) {
 *     String endpoint = child.awaitLine(line -> line.startsWith("ENDPOINT "), Duration.ofSeconds(60));
 *     child.send("heap");
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {

    private static final String END = "\u0000end of stdout";

    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        reader(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    stdout.add(line);
                }
            } finally {
                stdout.add(END);
            }
        });
        reader(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    stderr.append(line).append('\n');
                }
            }
        });
    }

    /** Starts {@code mainClass} with the JVM options and arguments, on this JVM's classpath. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        // Surefire runs tests from a manifest-only jar; the classpath it stands for is in this property.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Writes a line to the child's stdin. */
    public void send(String line) {
        stdin.println(line);
    }

    /**
     * The next stdout line that passes {@code test} (lines before it are dropped); an AssertionError with the
     * child's stderr when it does not come within {@code timeout} or the child ends first.
     */
    public String awaitLine(Predicate<String> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (;;) {
                String line = stdout.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(END)) {
                    if (line != null) {
                        stdout.add(END);
                    }
                    throw new AssertionError((line == null ? "no expected line within " + timeout
                            : "the child ended without the expected line") + "; its stderr:\n" + stderr());
                }
                if (test.test(line)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Ends the child's stdin (a {@link HeapProbe} stops its mock and exits). */
    public void endInput() {
        stdin.close();
    }

    /** The process, to signal it ({@code destroy()} sends SIGTERM on Unix). */
    public Process process() {
        return process;
    }

    /** Its exit code, waiting up to {@code timeout}; an AssertionError with its stderr when it is still running. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child did not exit within " + timeout + "; its stderr:\n" + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What the child printed on stderr so far (the last 8,000 characters). */
    public String stderr() {
        return stderr.length() <= 8000 ? stderr.toString() : "..." + stderr.substring(stderr.length() - 8000);
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        stdin.close();
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Reading {
        void run() throws IOException;
    }

    private static void reader(Reading reading) {
        Thread thread = new Thread(() -> {
            try {
                reading.run();
            } catch (IOException ended) {
                // the child ended
            }
        }, "child-jvm-output");
        thread.setDaemon(true);
        thread.start();
    }
}
