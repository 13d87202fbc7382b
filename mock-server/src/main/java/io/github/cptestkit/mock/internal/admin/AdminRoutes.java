package io.github.cptestkit.mock.internal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeJobSource;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.internal.server.Answer;
import io.github.cptestkit.mock.internal.server.MockService;
import io.github.cptestkit.mock.internal.server.Refusal;
import io.github.cptestkit.mock.internal.server.RequestHead;
import io.github.cptestkit.mock.internal.server.RequestRules;
import io.github.cptestkit.mock.internal.server.ServedRequest;
import io.github.cptestkit.mock.internal.server.StreamedBodies;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.internal.codepipeline.ControlPlaneJson;
import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.internal.s3.ArtifactStore.ObjectBytes;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The admin API under {@code /__admin/codepipeline/}: JSON over HTTP for tests in any language, each route a thin
 * layer over the mock's Java API ({@link AdminTarget}; docs/admin-api.md lists the routes with curl examples). Inputs
 * are checked like the AWS side checks its own: a refusal is {@code {"__type": ..., "message": ...}} with HTTP 400
 * (404 for an unknown job), and the server keeps serving. A service of the mock like the others: it claims every
 * request under {@code /__admin} (WireMock's own admin API included), guards and refuses them in its JSON shape, and
 * serves its routes through WireMock's admin API (an {@link AdminApiExtension}), not through stubs.
 *
 * <pre>{@code
 * AdminRoutes admin = new AdminRoutes(target, FakeJobSource.installed(42));
 * MockServer server = new MockServer(new Services(List.of(admin, codePipeline, bucket)), options);
 * }</pre>
 */
public final class AdminRoutes implements AdminApiExtension, MockService {

    /** WireMock's route that exports its certificate authority. */
    private static final String CA_CERTIFICATE = "/__admin/certs/wiremock-ca.crt";
    /** The options of the server, once it is configured (what it knows of WireMock's certificate authority). */
    private volatile WireMockConfiguration wireMockOptions;

    /** Where the routes live, below WireMock's {@code /__admin}. */
    public static final String PREFIX = "/codepipeline";
    /** The routes' full base path. */
    public static final String BASE_PATH = "/__admin" + PREFIX + "/";
    /** The largest admin request body (job documents may carry artifacts in base64). */
    public static final long MAX_BODY_BYTES = 64L << 20;

    private static final String ADMIN_PREFIX = "/__admin";
    private static final RequestRules RULES = new RequestRules(MAX_BODY_BYTES, Optional.empty(), true,
            RequestRules.Handover.AS_JSON);

    private static final System.Logger LOG = System.getLogger(AdminRoutes.class.getName());
    private static final String CONTENT_TYPE = "application/json";
    private static final String ARTIFACT_NOT_FOUND = "ArtifactNotFoundException";
    private static final long MAX_FAULT_TIMES = 1_000_000;
    private static final double MAX_ADVANCE_SECONDS = 10L * 366 * 24 * 3600;

    private final AdminTarget mock;
    private final Optional<FakeJobSource> fakes;
    /** Where the artifacts' bytes wait for their answers to be sent; given by the server. */
    private volatile StreamedBodies streamed;

    /**
     * @param mock  the mock the routes act on
     * @param fakes where {@code POST jobs} with a preset draws its jobs from; empty to refuse such orders
     */
    public AdminRoutes(AdminTarget mock, Optional<FakeJobSource> fakes) {
        this.mock = Objects.requireNonNull(mock, "mock");
        this.fakes = Objects.requireNonNull(fakes, "fakes");
    }

    @Override
    public String getName() {
        return "codepipeline-admin";
    }

    // ---------------------------------------------------------------- the service

    @Override
    public String name() {
        return "admin";
    }

    /** Every request under {@code /__admin}, WireMock's own admin API's included. */
    @Override
    public boolean claims(RequestHead request) {
        return request.isUnder(ADMIN_PREFIX);
    }

    @Override
    public RequestRules requestRules() {
        return RULES;
    }

    @Override
    public void streamBodiesThrough(StreamedBodies bodies) {
        this.streamed = Objects.requireNonNull(bodies, "bodies");
    }

    /** Its routes are WireMock admin routes. */
    @Override
    public void configure(WireMockConfiguration options) {
        options.extensions(this);
        this.wireMockOptions = options;
    }

    /**
     * WireMock's {@code GET /__admin/certs/wiremock-ca.crt} while there is no certificate authority to export (it
     * exists only once browser proxying over HTTPS made one): WireMock would answer 500.
     */
    @Override
    public Optional<String> notServed(RequestHead request) {
        WireMockConfiguration options = wireMockOptions;
        if (options != null && "GET".equals(request.method()) && request.path().equals(CA_CERTIFICATE)) {
            String keyStore = options.browserProxySettings().caKeyStore().path();
            if (keyStore == null || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(keyStore))) {
                return Optional.of("GET " + CA_CERTIFICATE + ": WireMock has no certificate authority (it makes one"
                        + " for browser proxying over HTTPS)");
            }
        }
        return Optional.empty();
    }

    /** Admin requests go to WireMock's admin API, never to stubs; one that did is not found. */
    @Override
    public Answer unrouted(ServedRequest request) {
        return answer(error(AdminRefusal.NOT_FOUND, AwsError.UNKNOWN_OPERATION.type(), "Nothing is served here: "
                + request.method() + " " + request.head().path()));
    }

    @Override
    public Answer refusal(Refusal refusal, RequestHead request, String detail) {
        return answer(switch (refusal) {
            case TOO_LARGE -> error(413, "RequestEntityTooLargeException", "The request body is too large: "
                    + detail);
            case UNSUPPORTED_MEDIA_TYPE -> error(415, "UnsupportedMediaTypeException", detail);
            case COMPRESSED, UNREADABLE -> error(400, AwsError.SERIALIZATION.type(), "The request could not be read: "
                    + detail);
            case NOT_FOUND -> error(404, AwsError.UNKNOWN_OPERATION.type(), "Nothing is served here: " + detail);
            case FORBIDDEN -> error(403, AwsError.ACCESS_DENIED.type(), detail);
            case INTERNAL -> error(500, AwsError.INTERNAL_FAILURE.type(), "The admin API failed; see the mock's log");
        });
    }

    private static Answer answer(ResponseDefinition definition) {
        Map<String, String> headers = new LinkedHashMap<>();
        definition.getHeaders().all().forEach(header -> headers.put(header.key(), header.firstValue()));
        return Answer.of(definition.getStatus(), headers, definition.getByteBody());
    }

    // ---------------------------------------------------------------- routes

    /**
     * Adds the routes. Each route is its own lambda on purpose: WireMock finds a route's path template by the class
     * of its task, so two routes sharing a task class would read each other's path parameters.
     */
    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.POST, PREFIX + "/jobs", (admin, event, params) -> answer(() -> enqueue(body(event))));
        router.add(RequestMethod.GET, PREFIX + "/jobs", (admin, event, params) -> answer(this::jobs));
        router.add(RequestMethod.GET, PREFIX + "/jobs/{id}", (admin, event, params) -> answer(() ->
                job(params.get("id"))));
        router.add(RequestMethod.GET, PREFIX + "/jobs/{id}/artifacts/{name}", (admin, event, params) -> respond(() ->
                outputArtifact(params.get("id"), params.get("name"), query(event, "format"), event.getId())));
        router.add(RequestMethod.GET, PREFIX + "/kms-violations", (admin, event, params) ->
                answer(this::kmsViolations));
        router.add(RequestMethod.POST, PREFIX + "/clients", (admin, event, params) -> answer(() ->
                registerClient(body(event))));
        router.add(RequestMethod.POST, PREFIX + "/action-types", (admin, event, params) -> answer(() ->
                registerActionType(body(event))));
        router.add(RequestMethod.POST, PREFIX + "/pipelines", (admin, event, params) -> answer(() ->
                createPipeline(body(event))));
        router.add(RequestMethod.GET, PREFIX + "/pipelines", (admin, event, params) -> answer(this::pipelines));
        router.add(RequestMethod.GET, PREFIX + "/pipelines/{name}", (admin, event, params) -> answer(() ->
                pipeline(params.get("name"))));
        router.add(RequestMethod.POST, PREFIX + "/pipelines/{name}/executions", (admin, event, params) -> answer(() ->
                startExecution(params.get("name"), body(event))));
        router.add(RequestMethod.POST, PREFIX + "/pipelines/{name}/simulations", (admin, event, params) -> answer(() ->
                simulate(params.get("name"), body(event))));
        router.add(RequestMethod.GET, PREFIX + "/executions/{id}", (admin, event, params) -> answer(() ->
                execution(params.get("id"))));
        router.add(RequestMethod.POST, PREFIX + "/faults", (admin, event, params) -> answer(() ->
                injectFault(body(event))));
        router.add(RequestMethod.GET, PREFIX + "/clock", (admin, event, params) -> answer(this::clock));
        router.add(RequestMethod.POST, PREFIX + "/clock/advance", (admin, event, params) -> answer(() ->
                advanceClock(body(event))));
        router.add(RequestMethod.POST, PREFIX + "/reset", (admin, event, params) -> answer(this::resetMock));
        router.add(RequestMethod.POST, PREFIX + "/functions", (admin, event, params) -> answer(() ->
                registerFunction(body(event))));
        router.add(RequestMethod.GET, PREFIX + "/functions", (admin, event, params) -> answer(this::functions));
        router.add(RequestMethod.GET, PREFIX + "/functions/{name}", (admin, event, params) -> answer(() ->
                function(params.get("name"))));
        // Last, so that every route above matches first: anything else under the prefix is an AWS-shaped 404.
        router.add(RequestMethod.ANY, PREFIX, (admin, event, params) -> unknownRoute(event));
        router.add(RequestMethod.ANY, PREFIX + "/**", (admin, event, params) -> unknownRoute(event));
    }

    private static ResponseDefinition unknownRoute(ServeEvent event) {
        String url = event.getRequest().getUrl();
        int query = url.indexOf('?');
        return error(AdminRefusal.NOT_FOUND, AwsError.UNKNOWN_OPERATION.type(), "No admin route is "
                + event.getRequest().getMethod().getName() + " /__admin" + (query < 0 ? url : url.substring(0, query))
                + "; the routes are POST jobs, GET jobs, GET jobs/{id}, GET jobs/{id}/artifacts/{name},"
                + " GET kms-violations, POST clients, POST action-types, POST pipelines, GET pipelines,"
                + " GET pipelines/{name}, POST pipelines/{name}/executions, POST pipelines/{name}/simulations,"
                + " GET executions/{id}, POST faults, GET clock, POST clock/advance, POST reset, POST functions,"
                + " GET functions and GET functions/{name} under " + BASE_PATH + " (docs/admin-api.md)");
    }

    private static byte[] body(ServeEvent event) {
        return event.getRequest().getBody();
    }

    private static String query(ServeEvent event, String name) {
        var values = event.getRequest().queryParameter(name);
        return values.isPresent() ? values.firstValue() : null;
    }

    // ---------------------------------------------------------------- jobs

    /** {@code POST jobs}: an order for fake jobs, or job documents. */
    ObjectNode enqueue(byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        List<JobDocument> jobs;
        boolean generated = !(body.has("job") || body.has("jobs"));
        synchronized (this) {
            long next = mock.jobs().size();
            if (!generated) {
                jobs = documents(body, next);
            } else {
                jobs = order(body).build(fakes.orElseThrow(() -> AdminRefusal.invalid("POST jobs without job"
                        + " documents orders fake jobs, which come from codepipeline-testkit-fixtures; it is not on"
                        + " this mock's class path: add it (test scope is enough), or POST job documents (job or"
                        + " jobs, docs/admin-api.md)")), next);
            }
            Set<String> known = new HashSet<>();
            mock.jobs().forEach(job -> known.add(job.jobId()));
            for (JobDocument job : jobs) {
                if (!known.add(job.jobId())) {
                    throw AdminRefusal.invalid("job id " + job.jobId() + " is already in this mock or twice in the"
                            + " request; give each job its own id, or POST reset first");
                }
            }
            jobs.forEach(mock::enqueue);
        }
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        ArrayNode queued = answer.putArray("jobs");
        jobs.forEach(job -> queued.add(JobViews.queued(job, generated)));
        return answer;
    }

    private static List<JobDocument> documents(AdminBody body, long next) {
        List<Violation> violations = new ArrayList<>();
        List<JobDocument> jobs = new ArrayList<>();
        if (body.has("job") && body.has("jobs")) {
            body.add("jobs", Constraint.OTHER, "Member must be absent when job is present: give one job as job,"
                    + " or several as jobs", null);
        } else if (body.has("job")) {
            JobDocument.read(body.node("job"), "/job", next, violations).ifPresent(jobs::add);
        } else if (!body.node("jobs").isArray() || body.node("jobs").isEmpty()) {
            body.add("jobs", Constraint.MIN_ITEMS, "Member must be a JSON array of 1 or more job documents",
                    body.node("jobs").toString());
        } else {
            JsonNode items = body.node("jobs");
            for (int i = 0; i < items.size(); i++) {
                JobDocument.read(items.get(i), "/jobs/" + i, next + i, violations).ifPresent(jobs::add);
            }
        }
        violations.forEach(body::add);
        body.done();
        return jobs;
    }

    private static FakeJobOrder order(AdminBody body) {
        Preset preset = body.choice("preset", false, FakeJobOrder.PRESETS);
        FakeJobOrder.Kind kind = body.choice("kind", false, FakeJobOrder.KINDS);
        int count = (int) body.integer("count", 1, 1, FakeJobOrder.MAX_COUNT);
        FakeJobOrder draft = new FakeJobOrder(preset, kind, count, null);
        ActionTypeId type = body.has("actionTypeId")
                ? FakeJobOrder.actionType(body.node("actionTypeId"), draft.effectiveKind(), "actionTypeId", body)
                : null;
        FakeJobOrder order = new FakeJobOrder(preset, kind, count, type);
        if (body.valid()) {
            order.problems("kind", "actionTypeId").forEach(body::add);
        }
        body.done();
        return order;
    }

    /** {@code GET jobs}: every job, in the order queued. */
    ObjectNode jobs() {
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        ArrayNode list = answer.putArray("jobs");
        mock.jobs().forEach(job -> list.add(JobViews.summary(job)));
        return answer;
    }

    /** {@code GET jobs/{id}}: one job, its calls and result. */
    ObjectNode job(String jobId) {
        return JobViews.detail(snapshot(jobId));
    }

    private JobSnapshot snapshot(String jobId) {
        return mock.job(jobId).orElseThrow(() -> new AdminRefusal(AdminRefusal.NOT_FOUND,
                AwsError.JOB_NOT_FOUND.type(), "Job " + jobId + " is not in this mock; GET " + BASE_PATH
                + "jobs lists the jobs it has"));
    }

    /**
     * {@code GET jobs/{id}/artifacts/{name}}: the output artifact as the worker uploaded it, its bytes (with its
     * Content-Type, ETag and encryption headers), or with {@code ?format=entries} its zip entries as JSON; both read
     * from the artifact store as they are answered (the bytes are held for the answer to {@code serveEvent}).
     */
    ResponseDefinition outputArtifact(String jobId, String name, String format, UUID serveEvent) {
        if (format != null && !format.equals("entries") && !format.equals("bytes")) {
            throw AdminRefusal.invalid(List.of(new Violation("/format", Constraint.ENUM, "Member must satisfy enum"
                    + " value set: [bytes, entries]", format)));
        }
        snapshot(jobId);
        ObjectBytes artifact;
        try {
            artifact = mock.outputArtifactBytes(jobId, name).orElseThrow(() -> new AdminRefusal(
                    AdminRefusal.NOT_FOUND, ARTIFACT_NOT_FOUND, "Output artifact " + name + " of job " + jobId
                    + " is not uploaded yet; the worker puts it at its S3 location with the job's credentials"));
        } catch (NoSuchElementException e) {
            throw new AdminRefusal(AdminRefusal.NOT_FOUND, ARTIFACT_NOT_FOUND, e.getMessage());
        }
        if ("entries".equals(format)) {
            return respond(200, ArtifactViews.entries(jobId, name, artifact).toString());
        }
        Objects.requireNonNull(streamed, "the admin API streams bodies only on a MockServer").hold(serveEvent,
                artifact.body());
        ResponseDefinitionBuilder bytes = aResponse().withStatus(200);
        ArtifactViews.headers(artifact.object()).forEach(bytes::withHeader);
        return bytes.build();
    }

    /** {@code GET kms-violations}: uploads that ignored their job's encryption key, oldest first. */
    ObjectNode kmsViolations() {
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        ArrayNode list = answer.putArray("kmsViolations");
        for (KmsViolation violation : mock.kmsViolations()) {
            list.addObject().put("jobId", violation.jobId()).put("operation", violation.operation())
                    .put("bucket", violation.bucket()).put("key", violation.key())
                    .put("expectedKmsKeyId", violation.expectedKmsKeyId())
                    .put("sentEncryption", violation.sentEncryption().orElse(null))
                    .put("sentKmsKeyId", violation.sentKmsKeyId().orElse(null))
                    .put("problem", violation.problem()).put("rejected", violation.rejected())
                    .put("at", violation.at().toString());
        }
        return answer;
    }

    // ---------------------------------------------------------------- clients, action types, faults

    /** {@code POST clients}: {@code {"clientId": <uuid>, "clientToken": "..."}}. */
    ObjectNode registerClient(byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        String clientId = body.text("clientId", true, 1, 64);
        String clientToken = body.text("clientToken", true, 1, 256);
        if (clientId != null) {
            ObjectNode entry = AdminBody.JSON.createObjectNode().put("clientId", clientId)
                    .put("jobId", UUID.nameUUIDFromBytes(new byte[0]).toString());
            ObjectNode listed = AdminBody.JSON.createObjectNode();
            listed.putArray("jobs").add(entry);
            SchemaValidator.shared().validateResponse(Operation.POLL_FOR_THIRD_PARTY_JOBS, listed).forEach(v ->
                    body.add(new Violation(v.path().replace("/jobs/0", ""), v.constraint(), v.requirement(),
                            v.value())));
        }
        body.done();
        mock.registerClient(clientId, clientToken);
        return AdminBody.JSON.createObjectNode().put("clientId", clientId);
    }

    /** {@code POST action-types}: {@code {"actionTypeId": {...}, "jobTimeoutSeconds": n, "queryableProperty": k}}. */
    ObjectNode registerActionType(byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        ActionTypeId type = null;
        if (!body.has("actionTypeId")) {
            body.add("actionTypeId", Constraint.REQUIRED, "Member must not be null", null);
        } else {
            ObjectNode poll = AdminBody.JSON.createObjectNode();
            poll.set("actionTypeId", body.node("actionTypeId"));
            List<Violation> violations = SchemaValidator.shared().validateRequest(Operation.POLL_FOR_JOBS, poll);
            violations.forEach(body::add);
            if (violations.isEmpty()) {
                type = WireFormat.mapper().convertValue(body.node("actionTypeId"), ActionTypeId.class);
            }
        }
        long timeout = body.integer("jobTimeoutSeconds", 0, ActionTypeSettings.MIN_JOB_TIMEOUT.toSeconds(),
                ActionTypeSettings.MAX_JOB_TIMEOUT.toSeconds());
        String queryable = body.text("queryableProperty", false, 1, 50);
        body.done();
        mock.registerActionType(type, new ActionTypeSettings(timeout == 0 ? null : Duration.ofSeconds(timeout),
                queryable));
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        answer.set("actionTypeId", WireFormat.toTree(type));
        return answer;
    }

    // ---------------------------------------------------------------- pipelines

    /**
     * {@code POST pipelines}: a declaration document (get-pipeline output, a create-pipeline input, a bare
     * declaration, or a CloudFormation resource or its Properties), created as CreatePipeline creates it; answers
     * {@code {"pipeline": ..., "metadata": ...}} as GetPipeline does.
     */
    ObjectNode createPipeline(byte[] requestBody) {
        return pipelineView(mock.createPipeline(new String(requestBody, StandardCharsets.UTF_8)));
    }

    /** {@code GET pipelines}: every pipeline's name, version and ARN, by name. */
    ObjectNode pipelines() {
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        ArrayNode list = answer.putArray("pipelines");
        mock.pipelines().forEach(pipeline -> list.add(ControlPlaneJson.summary(pipeline)
                .put("pipelineArn", pipeline.metadata().pipelineArn())));
        return answer;
    }

    /** {@code GET pipelines/{name}}: as GetPipeline answers it (secrets masked). */
    ObjectNode pipeline(String name) {
        return pipelineView(mock.pipeline(name).orElseThrow(() -> new AdminRefusal(AdminRefusal.NOT_FOUND,
                AwsError.PIPELINE_NOT_FOUND.type(), "Pipeline " + name + " is not in this mock; GET " + BASE_PATH
                + "pipelines lists the pipelines it has")));
    }

    // ---------------------------------------------------------------- pipeline executions

    /**
     * {@code POST pipelines/{name}/executions}: {@code {"variables": {"Env": "prod"}, "clientRequestToken": "t"}}
     * (both optional), started as StartPipelineExecution starts it; answers {@code {"pipelineExecutionId": ...}}.
     */
    ObjectNode startExecution(String pipelineName, byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        ExecutionStart.Builder start = ExecutionStart.of(pipelineName)
                .clientRequestToken(body.text("clientRequestToken", false, 1, 128));
        JsonNode variables = body.node("variables");
        if (variables != null && !variables.isObject()) {
            body.add("variables", Constraint.TYPE, "Member must be an object of variable names to values", null);
        } else if (variables != null) {
            variables.fields().forEachRemaining(v -> start.variable(v.getKey(), v.getValue().asText()));
        }
        body.done();
        return AdminBody.JSON.createObjectNode().put("pipelineExecutionId", mock.startPipelineExecution(start.build()));
    }

    /**
     * {@code POST pipelines/{name}/simulations}: how an AWS-owned action behaves from now on: {@code {"stage": "Build",
     * "action": "CodeBuild", "durationSeconds": 300, "outputVariables": {"IMAGE_TAG": "1.4"}}}, or with
     * {@code "failureMessage": "tests failed"} to fail.
     */
    ObjectNode simulate(String pipelineName, byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        String stage = body.text("stage", true, 1, 100);
        String action = body.text("action", true, 1, 100);
        long seconds = body.integer("durationSeconds", 0, 0, Duration.ofDays(30).toSeconds());
        String failure = body.text("failureMessage", false, 1, 5000);
        JsonNode variables = body.node("outputVariables");
        Map<String, String> outputs = new LinkedHashMap<>();
        if (variables != null && !variables.isObject()) {
            body.add("outputVariables", Constraint.TYPE, "Member must be an object of names to values", null);
        } else if (variables != null) {
            variables.fields().forEachRemaining(v -> outputs.put(v.getKey(), v.getValue().asText()));
        }
        body.done();
        SimulatedAction behaviour = failure == null ? SimulatedAction.succeedAfter(Duration.ofSeconds(seconds))
                .withOutputVariables(outputs) : SimulatedAction.failAfter(Duration.ofSeconds(seconds), failure);
        mock.simulate(pipelineName, stage, action, behaviour);
        return AdminBody.JSON.createObjectNode().put("pipelineName", pipelineName).put("stage", stage)
                .put("action", action).put("succeeds", behaviour.succeeds());
    }

    /**
     * {@code GET executions/{id}}: the execution's status and each action run (status, output variables, error,
     * jobs); configuration values are left out (they may be secret).
     */
    ObjectNode execution(String executionId) {
        PipelineExecutionSnapshot execution = mock.pipelineExecution(executionId).orElseThrow(() -> new AdminRefusal(
                AdminRefusal.NOT_FOUND, AwsError.PIPELINE_EXECUTION_NOT_FOUND.type(), "Pipeline execution "
                        + executionId + " is not in this mock"));
        ObjectNode answer = AdminBody.JSON.createObjectNode()
                .put("pipelineExecutionId", execution.pipelineExecutionId())
                .put("pipelineName", execution.pipelineName())
                .put("pipelineVersion", execution.pipelineVersion())
                .put("status", execution.status().wire());
        if (execution.statusSummary() != null) {
            answer.put("statusSummary", execution.statusSummary());
        }
        ArrayNode actions = answer.putArray("actions");
        for (ActionExecutionSnapshot action : execution.actions()) {
            ObjectNode node = actions.addObject().put("stageName", action.stageName())
                    .put("actionName", action.actionName())
                    .put("actionExecutionId", action.actionExecutionId())
                    .put("status", action.status().wire());
            node.set("configurationKeys", AdminBody.JSON.valueToTree(action.resolvedConfiguration().keySet()));
            node.set("outputVariables", AdminBody.JSON.valueToTree(action.outputVariables()));
            node.set("jobIds", AdminBody.JSON.valueToTree(action.jobIds()));
            if (action.summary() != null) {
                node.put("summary", action.summary());
            }
            if (action.errorCode() != null) {
                node.put("errorCode", action.errorCode()).put("errorMessage", action.errorMessage());
            }
            if (action.token() != null) {
                node.put("token", action.token());
            }
        }
        return answer;
    }

    private ObjectNode pipelineView(PipelineSnapshot snapshot) {
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        answer.set("pipeline", ControlPlaneJson.pipeline(mock.masked(snapshot.pipeline())));
        answer.set("metadata", ControlPlaneJson.metadata(snapshot.metadata()));
        return answer;
    }

    /**
     * {@code POST faults}: {@code {"operation": "PollForJobs", "times": 2}} (operation optional: any) with one of
     * {@code "error": "ThrottlingException"} (and an optional {@code "message"}; {@code "anyError": true} for an
     * error the operation's model does not list), {@code "delayMillis": 3000} or
     * {@code "socketFault": "CONNECTION_RESET_BY_PEER"}.
     */
    ObjectNode injectFault(byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        Operation operation = body.choice("operation", false,
                AdminBody.names(Operation.values(), Operation::operationName));
        int times = (int) body.integer("times", 1, 1, MAX_FAULT_TIMES);
        AwsError error = body.choice("error", false, AdminBody.names(AwsError.values(), AwsError::type));
        String message = body.text("message", false, 1, 5000);
        boolean anyError = body.flag("anyError");
        long delay = body.integer("delayMillis", -1, 0, Duration.ofMinutes(10).toMillis());
        Fault socket = body.choice("socketFault", false, AdminBody.names(Fault.values(), Fault::name));
        long kinds = Arrays.asList("error", "delayMillis", "socketFault").stream().filter(body::has).count();
        if (kinds != 1) {
            body.add("error", Constraint.OTHER, "Exactly one of error, delayMillis and socketFault must be given,"
                    + " but " + (kinds == 0 ? "none was" : kinds + " were"), null);
        } else if (message != null && error == null) {
            body.add("message", Constraint.OTHER, "Member must be absent unless error is given", null);
        } else if (anyError && error == null) {
            body.add("anyError", Constraint.OTHER, "Member must be absent unless error is given", null);
        }
        body.done();
        InjectedFault fault = error != null ? new InjectedFault.ErrorAnswer(error, message != null ? message
                : defaultMessage(error), anyError) : socket != null ? InjectedFault.socket(socket)
                : InjectedFault.delay(Duration.ofMillis(delay));
        mock.failNext(operation, times, fault);
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        answer.put("operation", operation == null ? "*" : operation.operationName()).put("times", times);
        return answer;
    }

    private static String defaultMessage(AwsError error) {
        return ((InjectedFault.ErrorAnswer) InjectedFault.error(error)).message();
    }

    // ---------------------------------------------------------------- Lambda functions

    /**
     * {@code POST functions}: {@code {"functionName": "Deploy", "timeoutSeconds": 30, "maximumRetryAttempts": 0,
     * "failJobWhenDiscarded": true}} (all but the name optional): makes the function known, or changes its settings.
     */
    ObjectNode registerFunction(byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        String name = body.text("functionName", true, 1, 64);
        if (name != null && !LambdaFunction.NAME.matcher(name).matches()) {
            body.add("functionName", Constraint.PATTERN, "Member must satisfy regular expression pattern: "
                    + LambdaFunction.NAME.pattern() + " (a plain Lambda function name)", name);
        }
        FunctionSettings defaults = FunctionSettings.defaults();
        long timeout = body.integer("timeoutSeconds", defaults.timeout().toSeconds(),
                FunctionSettings.MIN_TIMEOUT.toSeconds(), FunctionSettings.MAX_TIMEOUT.toSeconds());
        long retries = body.integer("maximumRetryAttempts", defaults.maximumRetryAttempts(), 0,
                FunctionSettings.DEFAULT_RETRY_ATTEMPTS);
        boolean failJob = false;
        if (body.has("failJobWhenDiscarded")) {
            if (body.node("failJobWhenDiscarded").isBoolean()) {
                failJob = body.node("failJobWhenDiscarded").asBoolean();
            } else {
                body.add("failJobWhenDiscarded", Constraint.TYPE, "Member must be a boolean",
                        body.node("failJobWhenDiscarded").toString());
            }
        }
        body.done();
        mock.registerLambdaFunction(name, new FunctionSettings(Duration.ofSeconds(timeout), (int) retries, failJob));
        return function(name);
    }

    /** {@code GET functions}: every Lambda function the mock serves. */
    ObjectNode functions() {
        ObjectNode answer = AdminBody.JSON.createObjectNode();
        ArrayNode list = answer.putArray("functions");
        mock.lambdaFunctions().forEach(function -> list.add(FunctionViews.of(function)));
        return answer;
    }

    /** {@code GET functions/{name}}: one function, where its runtime reaches it, its events and attempts. */
    ObjectNode function(String name) {
        return FunctionViews.of(mock.lambdaFunction(name).orElseThrow(() -> new AdminRefusal(
                AdminRefusal.NOT_FOUND, "ResourceNotFoundException", "Function not found: " + name + "; the mock"
                + " knows " + mock.lambdaFunctions().stream().map(LambdaFunction::functionName).toList()
                + ": POST " + BASE_PATH + "functions registers one, and a Lambda invoke job naming one makes it"
                + " known")));
    }

    // ---------------------------------------------------------------- clock, reset

    /** {@code GET clock}: the mock's time. */
    ObjectNode clock() {
        return AdminBody.JSON.createObjectNode().put("now", mock.clock().instant().toString())
                .put("advanceable", mock.clockAdvances());
    }

    /** {@code POST clock/advance}: {@code {"seconds": 90}} or {@code {"duration": "PT1M30S"}}. */
    ObjectNode advanceClock(byte[] requestBody) {
        AdminBody body = AdminBody.read(requestBody);
        Double seconds = body.number("seconds", 0, MAX_ADVANCE_SECONDS);
        String text = body.text("duration", false, 2, 64);
        Duration amount = null;
        if (body.has("seconds") == body.has("duration")) {
            body.add("seconds", Constraint.OTHER, "Exactly one of seconds and duration must be given", null);
        } else if (seconds != null) {
            amount = Duration.ofNanos(Math.round(seconds * 1e9));
        } else if (text != null) {
            try {
                amount = Duration.parse(text);
                if (amount.isNegative()) {
                    body.add("duration", Constraint.MINIMUM, "Member must be zero or more: the clock only moves"
                            + " forward", text);
                }
            } catch (DateTimeParseException e) {
                body.add("duration", Constraint.PATTERN, "Member must be an ISO-8601 duration such as PT90S or"
                        + " PT24H", text);
            }
        }
        body.done();
        if (!mock.clockAdvances()) {
            throw AdminRefusal.invalid("The clock of this mock cannot be advanced: it is " + mock.clock() + "; build"
                    + " the mock with a MockClock (MockClock.at stands still, MockClock.systemUtc follows the system"
                    + " clock; the standalone mock has one)");
        }
        mock.advanceClock(amount);
        return clock();
    }

    /** {@code POST reset}: forgets every job, type, client and fault; the clock stays where it is. */
    ObjectNode resetMock() {
        mock.reset();
        return AdminBody.JSON.createObjectNode();
    }

    // ---------------------------------------------------------------- plumbing

    /** Runs a route that answers JSON. */
    static ResponseDefinition answer(Supplier<JsonNode> route) {
        return respond(() -> respond(200, route.get().toString()));
    }

    /** Runs a route: its answer, or the refusal or failure in the AWS error shape. */
    static ResponseDefinition respond(Supplier<ResponseDefinition> route) {
        try {
            return route.get();
        } catch (AdminRefusal refusal) {
            return error(refusal.status(), refusal.type(), refusal.getMessage());
        } catch (ControlPlaneException refused) {
            return error(400, refused.errorType(), refused.awsMessage());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return error(400, AwsError.VALIDATION.type(), refused.getMessage());
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "admin API failure: " + bug.getClass().getName() + " at "
                    + (bug.getStackTrace().length > 0 ? bug.getStackTrace()[0] : "?"));
            return error(500, AwsError.INTERNAL_FAILURE.type(), "The admin API failed: " + bug.getClass()
                    .getSimpleName() + "; see the mock's log");
        }
    }

    /**
     * An answer in the admin API's error shape: {@code {"__type", "message"}} as {@code application/json}, the type
     * also in {@code x-amzn-ErrorType}. The request guard's refusals of admin requests have it too.
     */
    public static ResponseDefinition error(int status, String type, String message) {
        ObjectNode body = AdminBody.JSON.createObjectNode().put("__type", type).put("message", message);
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                .withHeader("x-amzn-ErrorType", type).withBody(body.toString()).build();
    }

    private static ResponseDefinition respond(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                .withBody(json.getBytes(StandardCharsets.UTF_8)).build();
    }
}
