package io.github.cptestkit.schemas;

/**
 * The header names and content type of the AWS JSON 1.1 protocol, which CodePipeline speaks: the operation is named
 * by {@link #TARGET} ({@link Operation#target()}), an error's type is in the body's {@code __type} and in
 * {@link #ERROR_TYPE}.
 *
 * <pre>{@code
 * Optional<Operation> operation = Operation.fromTarget(request.getHeader(AwsJsonHeaders.TARGET));
 * }</pre>
 */
public final class AwsJsonHeaders {

    /** The content type of every AWS JSON 1.1 body. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The header naming the operation, e.g. {@code CodePipeline_20150709.PollForJobs}. */
    public static final String TARGET = "X-Amz-Target";
    /** The header carrying the request id of an answer. */
    public static final String REQUEST_ID = "x-amzn-RequestId";
    /** The header carrying an error answer's type, e.g. {@code JobNotFoundException}. */
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    private AwsJsonHeaders() {}
}
