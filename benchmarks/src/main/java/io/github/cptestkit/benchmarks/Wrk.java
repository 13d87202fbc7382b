package io.github.cptestkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.wire.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk against 127.0.0.1 with one of this module's Lua scripts and reads the JSON line its {@code done()} prints.
 * Every answer is checked by the script; wrk's whole output is appended to a log.
 *
 * <pre>{@code
 * Wrk wrk = new Wrk(Path.of("target/bench"), 2, 16);
 * Wrk.Result result = wrk.run("single", port, Duration.ofSeconds(10),
 *         List.of(requestFile, target, "200", "\"jobDetails\""));
 * result.requestsPerSecond();
 * }</pre>
 */
final class Wrk {

    /**
     * What one wrk run measured; latencies in microseconds, from each request's send to its answer.
     *
     * @param requests  answers received
     * @param durationUs how long the run lasted
     * @param bad       answers with another status, or without the expected text (the script's check)
     * @param jobs      jobs finished (the worker script)
     * @param socketErrors connect, read and write errors and timeouts together
     */
    record Result(long requests, long durationUs, long bad, long jobs, long socketErrors, long p50Us, long p90Us,
            long p99Us, long p999Us, long maxUs, double meanUs) {

        double requestsPerSecond() {
            return requests * 1e6 / durationUs;
        }

        double jobsPerSecond() {
            return jobs * 1e6 / durationUs;
        }

        /** Answers that were not what the scenario expects, and requests that got none. */
        long failures() {
            return bad + socketErrors;
        }
    }

    private final Path dir;
    private final int threads;
    private final int connections;

    Wrk(Path dir, int threads, int connections) {
        this.dir = dir;
        this.threads = threads;
        this.connections = connections;
    }

    int connections() {
        return connections;
    }

    /** Runs {@code script} (common.lua prepended) for {@code duration} with {@code args} after {@code --}. */
    Result run(String script, int port, Duration duration, List<String> args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", "10s", "--latency", "-s",
                script(script).toString(), "http://127.0.0.1:" + port + "/", "--"));
        command.addAll(args);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = wrk.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + command);
        }
        Files.writeString(dir.resolve("wrk.log"), String.join(" ", command) + "\n" + output + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String json = output.lines().filter(line -> line.startsWith("JSON ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no results (exit " + wrk.exitValue()
                        + "): " + output));
        JsonNode node = WireFormat.mapper().readTree(json.substring("JSON ".length()));
        return new Result(node.get("requests").asLong(), node.get("duration_us").asLong(), node.get("bad").asLong(),
                node.get("jobs").asLong(), node.get("connect_errors").asLong() + node.get("read_errors").asLong()
                        + node.get("write_errors").asLong() + node.get("timeouts").asLong(),
                node.get("p50_us").asLong(), node.get("p90_us").asLong(), node.get("p99_us").asLong(),
                node.get("p999_us").asLong(), node.get("max_us").asLong(), node.get("mean_us").asDouble());
    }

    /** common.lua followed by {@code name}.lua, written once into the run's folder. */
    private Path script(String name) throws IOException {
        Path file = dir.resolve(name + ".lua");
        if (!Files.exists(file)) {
            Files.writeString(file, resource("common.lua") + "\n" + resource(name + ".lua"));
        }
        return file;
    }

    private static String resource(String name) {
        try (InputStream in = Wrk.class.getResourceAsStream("wrk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("wrk script " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
