package io.github.cptestkit.mock.lambda;

import io.github.cptestkit.mock.CodePipelineMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The official Java runtime interface client (aws-lambda-java-runtime-interface-client, with the dependencies it
 * has in Lambda, copied to {@code target/lambda-runtime} by the build) running one handler in a JVM of its own,
 * started as Lambda's Java runtime starts it: {@code java -cp ... AWSLambda <handler>} with the environment Lambda
 * sets, pointed at the mock. Each process gets its own copy of the client's JNI library: the client otherwise
 * unpacks it to the one path {@code /tmp/.libaws-lambda-jni.so}, and JVMs that start together overwrite each
 * other's copy while loading it (SIGBUS or SIGSEGV in the dynamic loader, or the library of another version).
 * Public for the other modules' tests, which get it with this module's test jar: the client's jars are found beside
 * this class's own build output (this module's {@code target}), wherever the test runs from.
 *
 * <pre>{@code
 * try (JavaRuntimeProcess runtime = JavaRuntimeProcess.start(mock, "Deploy", DeployHandler.class, workDir)) {
 *     mock.awaitLambdaAttempts("Deploy", 1, Duration.ofSeconds(90));
 *     mock.stop(); // a waiting runtime is answered 500 and exits
 * }
 * }</pre>
 */
public final class JavaRuntimeProcess implements AutoCloseable {

    static final Path RUNTIME = runtimeDirectory();
    static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Process process;
    private final Path log;

    private JavaRuntimeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code target/lambda-runtime} of this module: beside its test classes (or its test jar). */
    private static Path runtimeDirectory() {
        try {
            return Path.of(JavaRuntimeProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().resolve("lambda-runtime");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the client for {@code functionName} of {@code mock} with {@code handler}'s handleRequest. */
    public static JavaRuntimeProcess start(CodePipelineMock mock, String functionName, Class<?> handler, Path workDir) {
        try {
            Path jni = extractJni(workDir.resolve(functionName + "-" + System.nanoTime() + ".so"));
            List<String> classPath = new ArrayList<>();
            try (Stream<Path> jars = Files.list(RUNTIME)) {
                jars.filter(jar -> jar.toString().endsWith(".jar")).sorted()
                        .forEach(jar -> classPath.add(jar.toAbsolutePath().toString()));
            }
            classPath.add(System.getProperty("java.class.path")); // the handler and the SDK, as in its zip
            String handlerName = handler.getName() + "::handleRequest";
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-D" + JNI_PROPERTY + "="
                    + jni, "-cp", String.join(java.io.File.pathSeparator, classPath), MAIN, handlerName);
            Map<String, String> environment = builder.environment();
            environment.putAll(mock.lambdaEnvironment(functionName));
            environment.put("_HANDLER", handlerName);
            environment.put("LAMBDA_TASK_ROOT", workDir.toString());
            Path log = Files.createDirectories(Path.of("target", "lambda-runtime-logs"))
                    .resolve(functionName + "-" + handler.getSimpleName() + "-" + System.nanoTime() + ".log");
            builder.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            return new JavaRuntimeProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's bundled JNI library for this machine, copied to {@code target}. */
    private static Path extractJni(Path target) throws IOException {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String name = "jni/libaws-lambda-jni.linux-" + (arch.contains("aarch64") || arch.contains("arm64")
                ? "aarch_64" : "x86_64") + ".so";
        Path client;
        try (Stream<Path> jars = Files.list(RUNTIME)) {
            client = jars.filter(jar -> jar.getFileName().toString().startsWith(
                    "aws-lambda-java-runtime-interface-client")).findFirst().orElseThrow(() ->
                    new IllegalStateException("no runtime interface client in " + RUNTIME.toAbsolutePath()
                            + "; the build of the mock-server module copies it there (its"
                            + " process-test-resources phase)"));
        }
        try (JarFile jar = new JarFile(client.toFile()); InputStream in = jar.getInputStream(jar.getEntry(name))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end (at most {@code timeout}); answers its exit code, or -1 if it still runs. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** What the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Ends the process if it still runs (it exits by itself when the mock stops). */
    @Override
    public void close() throws InterruptedException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
