package io.github.cptestkit.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.internal.admin.AdminBody;
import io.github.cptestkit.mock.internal.admin.AdminRefusal;
import io.github.cptestkit.mock.internal.admin.FakeJobOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The standalone mock: {@code java -jar codepipeline-testkit-standalone-<version>.jar [options]}
 * serves the CodePipeline job API, the artifact bucket and the admin API on one port until stopped (Ctrl-C,
 * SIGTERM). It prints a banner with the lines to paste into a shell, then one machine-readable line,
 * {@code CODEPIPELINE_MOCK_READY {"endpoint": ..., "port": ..., "jobs": [...]}}. Bad options or job files exit 2
 * with a message naming the problem; a port in use exits 1.
 *
 * <pre>{@code
 * java -jar standalone/target/codepipeline-testkit-standalone-0.1.0-SNAPSHOT.jar \
 *     --port 0 --preset build-with-source-zip --count 3 --action-type Build/MyCi/1
 * }</pre>
 *
 * <p>From Java (tests): {@code new MockServerCommand(out, err).execute(args)} starts the mock and returns the exit
 * code without blocking; {@link #running()} is the started mock.
 */
@Command(name = "codepipeline-mock", mixinStandardHelpOptions = true, versionProvider = MockServerCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"A stateful mock of the AWS CodePipeline job-worker API and its S3 artifact bucket, with an"
                + " admin API under /__admin/codepipeline/ (docs/admin-api.md).",
                "Exit codes: 0 stopped normally, 1 could not start (port in use), 2 bad options or job files."})
public final class MockServerCommand implements Callable<Integer> {

    /** The prefix of the machine-readable line printed once the mock serves. */
    public static final String READY = "CODEPIPELINE_MOCK_READY";
    /** Exit code when the server cannot start. */
    public static final int CANNOT_START = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface, as in a container"
                    + " (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the fake jobs (--preset, and the admin"
            + " API's POST jobs): the same seed gives the same jobs (default: " + FakeJobs.DEFAULT_SEED + ").")
    long seed = FakeJobs.DEFAULT_SEED;

    @Option(names = "--jobs", paramLabel = "FILE", description = "JSON file: an array of jobs in the API's own"
            + " shapes plus clientId/clientToken, queued at start (docs/admin-api.md, job documents).")
    Path jobsFile;

    @Option(names = "--custom-action-type", paramLabel = "FILE", description = "JSON file: a custom action type as"
            + " aws codepipeline create-custom-action-type --cli-input-json takes it, created at start (before"
            + " --pipeline); repeatable.")
    List<Path> actionTypeFiles = new ArrayList<>();

    @Option(names = "--pipeline", paramLabel = "FILE", description = "JSON file: a pipeline declaration, created at"
            + " start and checked as CreatePipeline checks it: aws codepipeline get-pipeline output, a bare"
            + " declaration, or a CloudFormation AWS::CodePipeline::Pipeline resource (or its Properties);"
            + " repeatable.")
    List<Path> pipelineFiles = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "Queue fake jobs of this preset at start: "
            + "minimal, maximal, build-with-source-zip, deploy-with-kms, secret-configuration, continuation, unicode,"
            + " lambda-invoke.")
    String preset;

    @Option(names = "--count", paramLabel = "N", description = "How many fake jobs to queue at start, 0 to "
            + FakeJobOrder.MAX_COUNT + " (default: 1 with --preset, --kind or --action-type, else 0).")
    Integer count;

    @Option(names = "--kind", paramLabel = "KIND", description = "third-party (the default) or custom; preset"
            + " lambda-invoke makes custom jobs of owner AWS.")
    String kind;

    @Option(names = "--action-type", paramLabel = "CATEGORY/PROVIDER/VERSION", description = "Give every fake job"
            + " this action type, e.g. Build/MyCi/1 (the owner follows --kind); by default each job draws its own.")
    String actionType;

    @Option(names = "--queryable-property", paramLabel = "KEY[=VALUE]", description = "The --action-type's"
            + " queryable property: PollForJobs must filter on KEY with queryParam, as CreateCustomActionType's"
            + " queryable property asks; fake jobs of the type carry KEY=VALUE in their configuration (VALUE: at most"
            + " 20 letters, digits, _ and -; default " + DEFAULT_QUERYABLE_VALUE + "). Custom action types only.")
    String queryableProperty;

    @Option(names = "--job-timeout", paramLabel = "SECONDS", description = "The --action-type's own job timeout,"
            + " 60 to 43200 seconds (an action type's jobTimeout): each of its jobs times out this long after it"
            + " was acknowledged.")
    Long jobTimeoutSeconds;

    @Option(names = "--https-port", paramLabel = "PORT", description = "Serve HTTPS on this port too (0 for any"
            + " free port), with a certificate for localhost and 127.0.0.1 signed by a CA made at start; the banner"
            + " names its file and each client's setting (AWS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, a Java trust store).")
    Integer httpsPort;

    @Option(names = "--https-ca-file", paramLabel = "FILE", description = "Where to write the HTTPS CA certificate"
            + " (PEM; a PKCS12 trust store FILE-without-extension.p12 beside it); by default a temporary folder"
            + " deleted when the mock stops.")
    Path httpsCaFile;

    @Option(names = "--strict", description = "Refuse uploads that ignore a job's KMS key (AccessDenied, as"
            + " CodePipeline's bucket policy does) and answer InternalFailure rather than serve an answer that breaks"
            + " the wire format. Off by default: both are only logged.")
    boolean strict;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "5",
            description = "On SIGTERM or Ctrl-C, stop accepting connections and let the calls in flight finish for"
                    + " this long, 0 to 3600 (default: ${DEFAULT-VALUE}); then exit 0.")
    int shutdownGrace;

    @Option(names = "--function", paramLabel = "NAME", description = "Serve the Lambda Runtime API of this function"
            + " from the start (repeatable); its AWS_LAMBDA_RUNTIME_API is printed. A Lambda invoke job naming a"
            + " function also makes it known.")
    List<String> functions = new ArrayList<>();

    @Option(names = "--verbose", description = "Log every request to stderr: operation, body and status, with"
            + " credentials and client tokens hidden.")
    boolean verbose;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Let the web pages of this origin (e.g."
            + " http://localhost:3000) read and drive the mock from a browser, with CORS answers; repeatable. By"
            + " default a request from any other page than the mock's own is refused (403).")
    List<String> allowOrigins = new ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "NAME", description = "Answer requests that name the mock by this"
            + " host (any port), e.g. the container's name for workers in other containers; repeatable. By default"
            + " only loopback names and addresses are (and IP addresses when bound beyond loopback), against DNS"
            + " rebinding.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--allow-proxy", description = "Let WireMock's admin API take proxy stubs, webhooks and"
            + " recordings, with which whoever reaches it can read through the mock what this machine reaches. Off"
            + " by default (403).")
    boolean allowProxy;

    /** The value fake jobs carry for {@code --queryable-property KEY} without {@code =VALUE}. */
    static final String DEFAULT_QUERYABLE_VALUE = "project-1";

    private final PrintStream out;
    private final PrintStream err;
    private CodePipelineMock running;
    /** The action type {@code --action-type} names (the owner of the jobs' kind), or {@code null}. */
    private ActionTypeId namedType;

    /**
     * A command that prints its banner to {@code out} and its errors and request log to {@code err}.
     *
     * @param out where the ready line, {@code --help} and {@code --version} go, e.g. {@code System.out}
     * @param err where errors, warnings and the request log go, e.g. {@code System.err}
     */
    public MockServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the standalone mock until the process is stopped.
     *
     * @param args the command line, as {@code --help} lists it
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // SIGTERM (docker stop, Kubernetes, CI runners) and Ctrl-C: stop gracefully, then exit 0 as a normal end.
        // Handled before the mock starts, so that a signal right after the ready line is not the JVM's default.
        // Any other end of the JVM (SIGHUP, an exit elsewhere) still closes the mock, without the grace period.
        CountDownLatch stopRequested = new CountDownLatch(1);
        boolean handled = handle("TERM", stopRequested) & handle("INT", stopRequested);
        MockServerCommand command = new MockServerCommand(System.out, System.err);
        int code = command.execute(args);
        if (code != 0 || command.running() == null) {
            System.exit(code);   // an error, --help or --version
        }
        Thread hook = new Thread(() -> command.running().close(), "codepipeline-mock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!handled) {
            return; // the shutdown hook stops the mock, the JVM's exit code is its own
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        command.err.println("codepipeline-mock: stopping; calls in flight have " + command.shutdownGrace
                + " s to finish");
        command.running().stop(Duration.ofSeconds(command.shutdownGrace));
        Runtime.getRuntime().removeShutdownHook(hook);
        System.exit(0);
    }

    /**
     * Handles a signal by counting {@code stopRequested} down instead of the JVM's default (exit 128 + the signal's
     * number, running the shutdown hooks); false where the signal cannot be handled.
     */
    @SuppressWarnings("sunapi") // sun.misc.Signal, in jdk.unsupported: the JDK's only way to handle SIGTERM
    private static boolean handle(String signal, CountDownLatch stopRequested) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), ignored -> stopRequested.countDown());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError unavailable) {
            return false;
        }
    }

    /**
     * Parses {@code args} and starts the mock; returns the exit code (0 when it serves, or after help).
     *
     * @param args the command line, as {@code --help} lists it; none for the defaults
     * @return 0 when the mock serves (see {@link #running()}) or after {@code --help}/{@code --version}, 2 for bad
     *     options or job files, {@link #CANNOT_START} when the server cannot start (its port in use, typically)
     */
    public int execute(String... args) {
        CommandLine line = new CommandLine(this);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("codepipeline-mock: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run with --help for the options.");
            return CommandLine.ExitCode.USAGE;
        });
        return line.execute(args);
    }

    /**
     * The started mock, or {@code null} before a successful start.
     *
     * @return the mock, running until the caller closes it; {@code null} after an error, {@code --help} or
     *     {@code --version}
     */
    public CodePipelineMock running() {
        return running;
    }

    @Override
    public Integer call() {
        checkPort();
        checkShutdownGrace();
        InetAddress address = bindAddress();
        List<JobDocument> documents = jobsFile == null ? List.of() : readJobs(jobsFile);
        List<String> actionTypes = actionTypeFiles.stream().map(file -> readFile("--custom-action-type", file))
                .toList();
        List<String> pipelines = pipelineFiles.stream().map(file -> readFile("--pipeline", file)).toList();
        FakeJobOrder order = order();
        ActionTypeSettings typeSettings = typeSettings();
        CodePipelineMock.Builder builder = CodePipelineMock.builder();
        if (httpsPort != null) {
            builder.httpsPort(httpsPort);
            if (httpsCaFile != null) {
                builder.httpsCaFile(httpsCaFile);
            }
        } else if (httpsCaFile != null) {
            throw new ParameterException(spec.commandLine(), "--https-ca-file needs --https-port: without an HTTPS"
                    + " port the mock makes no CA; add --https-port 0");
        }
        for (String function : functions) {
            try {
                builder.lambdaFunction(function);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--function " + e.getMessage());
            }
        }
        builder
                .port(port)
                .bindAddress(bind)
                .clock(MockClock.systemUtc())
                .strict(strict)
                .fakeJobSeed(seed)
                .allowProxy(allowProxy)
                .wireMockOptions(options -> {
                    options.jettyAcceptors(1);              // plenty for workers under test, on any machine
                    options.notifier(new ConsoleNotifier(err)); // one line per WireMock error, no request dumps
                    if (verbose) {
                        options.extensions(new RequestLog(err, java.time.Clock.systemUTC()));
                    }
                });
        allowOrigins.forEach(origin -> option("--allow-origin", () -> builder.allowOrigin(origin)));
        allowHosts.forEach(host -> option("--allow-host", () -> builder.allowHost(host)));
        CodePipelineMock mock = builder.build();
        try {
            mock.start();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                err.println(httpsPort == null ? "codepipeline-mock: port " + port + " is in use on " + bind
                        + "; choose another with --port, or use --port 0 for any free port"
                        : "codepipeline-mock: port " + port + " or HTTPS port " + httpsPort + " is in use on " + bind
                        + "; choose others with --port and --https-port, or use 0 for any free port");
                return CANNOT_START;
            }
            err.println("codepipeline-mock: cannot start the server on " + bind + ":" + port + ": " + e.getMessage());
            return CANNOT_START;
        }
        String current = null;
        try {
            for (int i = 0; i < actionTypes.size(); i++) {
                current = "--custom-action-type " + actionTypeFiles.get(i);
                mock.createCustomActionType(actionTypes.get(i));
            }
            for (int i = 0; i < pipelines.size(); i++) {
                current = "--pipeline " + pipelineFiles.get(i);
                mock.createPipeline(pipelines.get(i));
            }
        } catch (ControlPlaneException e) {
            mock.close();
            throw new ParameterException(spec.commandLine(), current + ": " + e.getMessage());
        }
        List<JobDocument> queued = new ArrayList<>();
        try {
            if (typeSettings != null) {
                mock.registerActionType(namedType, typeSettings);
            }
            for (JobDocument document : documents) {
                mock.enqueue(document);
                queued.add(document);
            }
            if (order != null) {
                for (JobDocument job : order.build(FakeJobs.withSeed(seed), mock.jobs().size(),
                        queryableConfiguration())) {
                    mock.enqueue(job);
                    queued.add(job);
                }
            }
        } catch (IllegalArgumentException e) {
            mock.close();
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        running = mock;
        Banner banner = new Banner(mock, address, seed, order, jobsFile);
        mock.onLambdaFunctionKnown(banner::functionKnown);   // functions that jobs name later get their line too
        banner.print(out, queued);
        return 0;
    }

    private void checkShutdownGrace() {
        if (shutdownGrace < 0 || shutdownGrace > 3600) {
            throw new ParameterException(spec.commandLine(), "--shutdown-grace must be 0 to 3600 seconds, but was "
                    + shutdownGrace + "; use 0 to stop at once");
        }
    }

    /** Applies an option to the builder; a value it refuses is a usage error naming the option. */
    private void option(String name, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ParameterException(spec.commandLine(), name + ": " + why);
        }
    }

    private void checkPort() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 (any free port) to 65535, but was "
                    + port + "; use --port 0 to let the system choose");
        }
    }

    private InetAddress bindAddress() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind must be an address of this machine, but '"
                    + bind + "' is not a known address or host name; use 127.0.0.1, or 0.0.0.0 for every interface");
        }
        boolean local;
        try {
            local = address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            local = false;
        }
        if (!local) {
            throw new ParameterException(spec.commandLine(), "--bind must be an address of this machine, but no"
                    + " interface has " + bind + "; use 127.0.0.1, or 0.0.0.0 for every interface");
        }
        return address;
    }

    /** The text of a JSON file an option names; a usage error naming the option and file otherwise. */
    private String readFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), option + " must name a readable JSON file, but " + file
                    + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " cannot be read: "
                    + e.getMessage());
        }
    }

    private List<JobDocument> readJobs(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "--jobs must name a readable JSON file, but " + file
                    + (Files.exists(file) ? " is not a regular file" : " does not exist")
                    + "; give the path of a file holding an array of job documents");
        }
        try {
            return JobDocument.readAll(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "--jobs " + e.getMessage());
        }
    }

    /** The fake jobs to queue at start, or {@code null} for none. */
    private FakeJobOrder order() {
        AdminBody checks = AdminBody.read(new byte[0]);
        Preset chosenPreset = preset == null ? null : choose("--preset", preset, FakeJobOrder.PRESETS);
        FakeJobOrder.Kind chosenKind = kind == null ? null : choose("--kind", kind, FakeJobOrder.KINDS);
        int jobs = count != null ? count : preset != null || kind != null || actionType != null ? 1 : 0;
        if (jobs < 0 || jobs > FakeJobOrder.MAX_COUNT) {
            throw new ParameterException(spec.commandLine(), "--count must be 0 to " + FakeJobOrder.MAX_COUNT
                    + ", but was " + jobs);
        }
        FakeJobOrder draft = new FakeJobOrder(chosenPreset, chosenKind, Math.max(jobs, 1), null);
        ActionTypeId type = null;
        if (actionType != null) {
            ObjectNode given = FakeJobOrder.actionTypeFromText(actionType);
            if (given.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--action-type must be CATEGORY/PROVIDER/VERSION,"
                        + " e.g. Build/MyCi/1, but was '" + actionType + "'");
            }
            type = FakeJobOrder.actionType(given, draft.effectiveKind(), "--action-type", checks);
        }
        namedType = type;
        if (jobs == 0) {
            try {
                checks.done();
            } catch (AdminRefusal refusal) {
                throw new ParameterException(spec.commandLine(), refusal.getMessage());
            }
            return null;
        }
        FakeJobOrder order = new FakeJobOrder(chosenPreset, chosenKind, jobs, type);
        if (checks.valid()) {
            order.problems("--kind", "--action-type").forEach(checks::add);
        }
        try {
            checks.done();
        } catch (AdminRefusal refusal) {
            throw new ParameterException(spec.commandLine(), refusal.getMessage());
        }
        return order;
    }

    /**
     * The settings {@code --queryable-property} and {@code --job-timeout} give the {@code --action-type}, or
     * {@code null} when neither is given.
     */
    private ActionTypeSettings typeSettings() {
        if (queryableProperty == null && jobTimeoutSeconds == null) {
            return null;
        }
        String option = queryableProperty != null ? "--queryable-property" : "--job-timeout";
        if (namedType == null) {
            throw new ParameterException(spec.commandLine(), option + " sets a setting of the --action-type, but no"
                    + " --action-type was given; add --action-type CATEGORY/PROVIDER/VERSION (with --kind custom and"
                    + " --count 0 to register the type without fake jobs)");
        }
        ActionTypeSettings settings = ActionTypeSettings.defaults();
        try {
            if (jobTimeoutSeconds != null) {
                settings = settings.withJobTimeout(Duration.ofSeconds(jobTimeoutSeconds));
            }
            if (queryableProperty != null) {
                if (namedType.owner() != ActionOwner.CUSTOM) {
                    throw new IllegalArgumentException("--queryable-property is for custom action types (PollForJobs"
                            + " filters on it), but the --action-type's owner is " + namedType.owner().wire()
                            + "; add --kind custom");
                }
                settings = settings.withQueryableProperty(queryableKey());
                ActionTypeSettings.checkQueryableValue(queryableKey(), queryableConfiguration().get(queryableKey()));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("jobTimeout", "--job-timeout")
                    .replace("CodePipelineMock.builder().jobTimeout(...)", "a mock built in Java"));
        }
        return settings;
    }

    private String queryableKey() {
        int equals = queryableProperty.indexOf('=');
        return equals < 0 ? queryableProperty : queryableProperty.substring(0, equals);
    }

    /** The configuration fake jobs of the named type carry for its queryable property; empty without one. */
    private Map<String, String> queryableConfiguration() {
        if (queryableProperty == null) {
            return Map.of();
        }
        int equals = queryableProperty.indexOf('=');
        return Map.of(queryableKey(), equals < 0 ? DEFAULT_QUERYABLE_VALUE : queryableProperty.substring(equals + 1));
    }

    private <T> T choose(String option, String name, java.util.Map<String, T> choices) {
        T chosen = AdminBody.chosen(name, choices);
        if (chosen == null) {
            throw new ParameterException(spec.commandLine(), option + " must be one of " + String.join(", ",
                    choices.keySet()) + ", but was '" + name + "'");
        }
        return chosen;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code --version}: the version in the standalone jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MockServerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"codepipeline-testkit mock server " + (version == null
                    ? "(development build: not run from the standalone jar)" : version)};
        }
    }
}
