package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The event a Lambda invoke action passes to its function: {@code {"CodePipeline.job": {"id", "accountId",
 * "data"}}}. The data carries the action configuration ({@code FunctionName}, {@code UserParameters}), the
 * artifacts, the artifact credentials and, when set, the continuation token and encryption key; it has no
 * {@code actionTypeId} and no {@code pipelineContext}.
 *
 * <pre>{@code
 * LambdaInvokeEvent event = FakeJobs.lambdaInvokeEvent().userParameters("{\"stage\":\"beta\"}").build().event();
 * String json = WireFormat.toJson(event);   // {"CodePipeline.job":{"id":"...","data":{...},"accountId":"..."}}
 * handler.handleRequest(json);
 * }</pre>
 *
 * @param job the job; its id is the one to report with PutJobSuccessResult or PutJobFailureResult
 */
public record LambdaInvokeEvent(@JsonProperty("CodePipeline.job") JobDetails job) {

    /** The member name of the job in the event. */
    public static final String JOB_MEMBER = "CodePipeline.job";

    /**
     * Checks the job is given.
     *
     * @param job the job, not null
     * @throws NullPointerException if {@code job} is null
     */
    public LambdaInvokeEvent {
        Objects.requireNonNull(job, "job");
    }
}
