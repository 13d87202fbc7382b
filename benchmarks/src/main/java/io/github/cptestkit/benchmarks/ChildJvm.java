package io.github.cptestkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of this module's classpath started by the harness: its standard output is read line by line, its standard
 * error goes to a log file, and closing its standard input ends it.
 *
 * <pre>{@code
 * try (ChildJvm server = ChildJvm.start(List.of("-Xmx1g"), BenchServer.class, List.of("worker", "1000"), log)) {
 *     String ready = server.awaitLine("READY", Duration.ofSeconds(60));
 *     server.send("refill");
 *     server.awaitLine("REFILLED", Duration.ofSeconds(60));
 * }
 * }</pre>
 */
final class ChildJvm implements AutoCloseable {

    /** The options of every JVM the harness starts, so that scenarios differ only in what they run. */
    static final List<String> SERVER_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

    private final Process process;
    private final Writer input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("EOF " + e.getMessage());
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code java <options> -cp <this classpath> <main> <args>}, standard error appended to {@code log}. */
    static ChildJvm start(List<String> options, Class<?> main, List<String> args, Path log) {
        return new ChildJvm(startProcess(command(options, main, args), log));
    }

    /** The command line of a JVM of this module's classpath. */
    static List<String> command(List<String> options, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Process startProcess(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /** The rest of the first line (from now on) that starts with {@code prefix}; fails after {@code timeout}. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || !process.isAlive() && lines.isEmpty() && !line.startsWith(prefix)) {
                throw new IllegalStateException("no line starting " + prefix + " within " + timeout + " (the child"
                        + (process.isAlive() ? " still runs" : " exited with " + process.exitValue())
                        + "); see its log");
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
    }

    void send(String command) {
        try {
            input.write(command + "\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            input.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
