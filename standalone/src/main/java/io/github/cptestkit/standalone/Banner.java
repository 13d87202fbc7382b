package io.github.cptestkit.standalone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import io.github.cptestkit.mock.internal.admin.AdminBody;
import io.github.cptestkit.mock.internal.admin.AdminRoutes;
import io.github.cptestkit.mock.internal.admin.FakeJobOrder;
import io.github.cptestkit.mock.internal.admin.JobViews;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the standalone mock prints once it serves: where it is, the lines to paste into a shell (endpoints, fake
 * credentials, region), the queued jobs with their client id/token pairs and how to poll them, then the
 * machine-readable {@value MockServerCommand#READY} line.
 *
 * <pre>{@code new Banner(mock, address, seed, order, jobsFile).print(System.out, queued);}</pre>
 */
final class Banner {

    /** Fake credentials for the CodePipeline calls (AWS's documentation examples; the mock checks no signature). */
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String REGION = "us-east-1";

    private final CodePipelineMock mock;
    private final InetAddress address;
    private final long seed;
    private final FakeJobOrder order;
    private final Path jobsFile;
    /** The functions whose line is printed (by the banner, or since), and where later ones go. */
    private final Set<String> printedFunctions = new LinkedHashSet<>();
    private PrintStream functionsOut;

    Banner(CodePipelineMock mock, InetAddress address, long seed, FakeJobOrder order, Path jobsFile) {
        this.mock = mock;
        this.address = address;
        this.seed = seed;
        this.order = order;
        this.jobsFile = jobsFile;
    }

    void print(PrintStream out, List<JobDocument> queued) {
        String endpoint = mock.endpoint().toString();
        String version = new MockServerCommand.Version().getVersion()[0];
        out.println(version);
        out.println("Serving the CodePipeline job API and its S3 artifact bucket on " + endpoint);
        out.println("Admin API: " + endpoint + AdminRoutes.BASE_PATH + " (docs/admin-api.md)");
        if (!address.isLoopbackAddress()) {
            out.println("WARNING: listening on " + address.getHostAddress() + (address.isAnyLocalAddress()
                    ? " (every interface)" : "") + ", beyond this machine: whoever reaches this port can drive the"
                    + " mock and its admin API. It answers requests that name it by an IP address or by a name given"
                    + " with --allow-host");
        }
        out.println();
        out.println("Point your worker here (paste into a shell):");
        out.println("  export AWS_ENDPOINT_URL_CODEPIPELINE=" + endpoint);
        out.println("  export AWS_ENDPOINT_URL_S3=" + endpoint);
        out.println("  export AWS_ACCESS_KEY_ID=" + ACCESS_KEY_ID + " AWS_SECRET_ACCESS_KEY=" + SECRET_ACCESS_KEY);
        out.println("  export AWS_REGION=" + REGION + " AWS_DEFAULT_REGION=" + REGION);
        out.println("S3 clients need path-style addressing; artifacts are read and written with each job's"
                + " artifactCredentials.");
        mock.httpsTrustIfServed().ifPresent(trust -> {
            String https = mock.httpsEndpoint().toString();
            out.println();
            out.println("HTTPS on " + https + " (certificate for localhost and 127.0.0.1, signed by this run's CA "
                    + trust.caCertificateFile() + "):");
            out.println("  export AWS_ENDPOINT_URL_CODEPIPELINE=" + https + " AWS_ENDPOINT_URL_S3=" + https);
            out.println("  export AWS_CA_BUNDLE=" + trust.caCertificateFile() + "         # boto3, the AWS CLI");
            out.println("  export NODE_EXTRA_CA_CERTS=" + trust.caCertificateFile() + "   # AWS SDK for JavaScript");
            StringBuilder java = new StringBuilder("  Java: ");
            trust.javaTrustStoreProperties().forEach((name, value) -> java.append("-D").append(name).append('=')
                    .append(value).append(' '));
            out.println(java.toString().stripTrailing());
            out.println("  AWS SDK for Java v2 in code: ApacheHttpClient.builder().tlsTrustManagersProvider(...) with"
                    + " trust managers of that trust store");
        });
        out.println();
        printFunctions(out);
        printJobs(out, queued);
        List<String> pipelines = mock.pipelines().stream().map(p -> p.name()).toList();
        if (!pipelines.isEmpty()) {
            out.println("Pipelines: " + String.join(", ", pipelines) + " (GET " + endpoint + AdminRoutes.BASE_PATH
                    + "pipelines, or aws codepipeline get-pipeline --name ...)");
            out.println();
        }
        ObjectNode ready = WireFormat.mapper().createObjectNode().put("endpoint", endpoint)
                .put("port", mock.port()).put("admin", endpoint + AdminRoutes.BASE_PATH);
        mock.httpsTrustIfServed().ifPresent(trust -> ready.put("httpsEndpoint", mock.httpsEndpoint().toString())
                .put("httpsPort", mock.httpsPort()).put("caFile", trust.caCertificateFile().toString())
                .put("trustStore", trust.trustStoreFile().toString()));
        ObjectNode functions = ready.putObject("functions");
        mock.lambdaFunctions().forEach(function -> functions.put(function.functionName(), function.runtimeApi()));
        ArrayNode jobs = ready.putArray("jobs");
        int fromFile = fromFile(queued);
        for (int i = 0; i < queued.size(); i++) {
            jobs.add(JobViews.queued(queued.get(i), i >= fromFile));
        }
        if (!pipelines.isEmpty()) {
            ArrayNode names = ready.putArray("pipelines");
            pipelines.forEach(names::add);
        }
        out.println(MockServerCommand.READY + " " + ready);
        out.flush();
    }

    private void printFunctions(PrintStream out) {
        List<LambdaFunction> known = mock.lambdaFunctions();
        synchronized (printedFunctions) {
            functionsOut = out;
            if (known.isEmpty()) {
                out.println("No Lambda functions served yet: --function NAME serves one, and so does a Lambda invoke"
                        + " job that names it (each gets its line then).");
            } else {
                out.println("Lambda functions (start a runtime interface client with its AWS_LAMBDA_RUNTIME_API):");
                known.forEach(function -> printFunction(out, function.functionName(), function.runtimeApi()));
            }
            out.println();
        }
    }

    /** A function that became known after the banner: its line, once. */
    void functionKnown(String name) {
        synchronized (printedFunctions) {
            if (functionsOut != null) {
                printFunction(functionsOut, name, mock.lambdaRuntimeApi(name));
                functionsOut.flush();
            }
        }
    }

    /** {@code AWS_LAMBDA_RUNTIME_API=<host:port/path> for function <name>}, unless printed already. */
    private void printFunction(PrintStream out, String name, String runtimeApi) {
        if (printedFunctions.add(name)) {
            out.println("AWS_LAMBDA_RUNTIME_API=" + runtimeApi + " for function " + name);
        }
    }

    private void printJobs(PrintStream out, List<JobDocument> queued) {
        if (queued.isEmpty()) {
            out.println("No jobs queued: queue some with POST " + mock.endpoint() + AdminRoutes.BASE_PATH + "jobs, or"
                    + " start with --preset NAME --count N or --jobs FILE.");
            out.println();
            return;
        }
        List<String> sources = new ArrayList<>();
        if (jobsFile != null) {
            sources.add(fromFile(queued) + " from " + jobsFile);
        }
        if (order != null) {
            sources.add(order.count() + " fake " + order.effectiveKind().label() + (order.preset() == null ? ""
                    : " " + AdminBody.choiceKey(order.preset().name())) + " job" + (order.count() == 1 ? "" : "s") + " of seed "
                    + seed);
        }
        out.println("Queued " + queued.size() + " job" + (queued.size() == 1 ? "" : "s") + ": "
                + String.join(", ", sources));
        Set<String> polls = new LinkedHashSet<>();
        int fromFile = fromFile(queued);
        for (int i = 0; i < queued.size(); i++) {
            JobDocument job = queued.get(i);
            ActionTypeId type = job.actionTypeId();
            String typeText = type.category().wire() + "/" + type.owner().wire() + "/" + type.provider() + "/"
                    + type.version();
            if (job instanceof JobDocument.ThirdParty thirdParty) {
                // A fake job's token is printed (known nowhere else); one from the jobs file is the user's own.
                out.println("  " + job.jobId() + "  " + typeText + "  clientId " + thirdParty.job().clientId()
                        + (i < fromFile ? "  clientToken (as in " + jobsFile + ")" : "  clientToken "
                                + thirdParty.job().clientToken()));
            } else {
                out.println("  " + job.jobId() + "  " + typeText);
            }
            if (!"AWS".equals(type.owner().wire())) {
                polls.add("  aws codepipeline " + (job instanceof JobDocument.ThirdParty ? "poll-for-third-party-jobs"
                        : "poll-for-jobs") + " --action-type-id category=" + type.category().wire() + ",owner="
                        + type.owner().wire() + ",provider=" + type.provider() + ",version=" + type.version());
            }
        }
        if (polls.isEmpty()) { // Lambda invoke jobs only: they are not polled, their functions take them
            out.println("Lambda invoke jobs are not polled: a runtime of their function takes them (see above).");
        } else {
            out.println("Poll them:");
        }
        polls.stream().limit(5).forEach(out::println);
        if (polls.size() > 5) {
            out.println("  ... and " + (polls.size() - 5) + " more action types (GET " + AdminRoutes.BASE_PATH
                    + "jobs lists every job)");
        }
        out.println();
    }

    /** How many of the queued jobs, the first ones, came from the jobs file; the rest are fake jobs of the order. */
    private int fromFile(List<JobDocument> queued) {
        return queued.size() - (order == null ? 0 : order.count());
    }
}
