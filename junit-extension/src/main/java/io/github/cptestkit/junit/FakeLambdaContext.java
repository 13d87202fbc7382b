package io.github.cptestkit.junit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.github.cptestkit.junit.internal.lambda.RedactingLambdaLogger;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@link Context} a Lambda function gets, for a handler called in the test's JVM: the function's name, version
 * and ARN, the invocation's request id, log group and stream named as Lambda names them, the remaining time counted
 * down on the mock's clock to the invocation's deadline, and a logger that keeps every line (see
 * {@link #logLines()}) and shows no secret it was given (the job's artifact credentials, typically).
 *
 * <pre>{@code
 * FakeLambdaContext context = FakeLambdaContext.builder("Deploy")
 *         .clock(mock.clock()).timeout(Duration.ofMinutes(1))
 *         .secrets(job.data().artifactCredentials().secretAccessKey())
 *         .build();
 * new MyHandler().handleRequest(event, context);
 * assertThat(context.logLines()).anyMatch(line -> line.contains("deployed"));
 * }</pre>
 */
public final class FakeLambdaContext implements Context {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd")
            .withZone(ZoneOffset.UTC);

    private final String functionName;
    private final String functionVersion;
    private final String invokedFunctionArn;
    private final String awsRequestId;
    private final String logStreamName;
    private final int memoryLimitInMB;
    private final Clock clock;
    private final Instant deadline;
    private final RedactingLambdaLogger logger;

    private FakeLambdaContext(Builder builder) {
        this.functionName = builder.functionName;
        this.functionVersion = builder.functionVersion;
        this.invokedFunctionArn = builder.invokedFunctionArn != null ? builder.invokedFunctionArn
                : "arn:aws:lambda:" + builder.region + ":" + builder.accountId + ":function:" + functionName;
        this.awsRequestId = builder.awsRequestId != null ? builder.awsRequestId : UUID.randomUUID().toString();
        this.clock = builder.clock;
        this.deadline = builder.deadline != null ? builder.deadline : clock.instant().plus(builder.timeout);
        this.logStreamName = STREAM_DATE.format(clock.instant()) + "/[" + functionVersion + "]"
                + UUID.nameUUIDFromBytes(awsRequestId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString().replace("-", "");
        this.memoryLimitInMB = builder.memoryLimitInMB;
        this.logger = new RedactingLambdaLogger(builder.secrets, builder.echo);
    }

    /**
     * A builder for a context of function {@code functionName} (a plain Lambda function name).
     *
     * @param functionName 1 to 64 letters, digits, {@code -} or {@code _}, e.g. {@code report-worker}; not an ARN
     * @return a builder with the defaults listed on {@link Builder}
     * @throws IllegalArgumentException if {@code functionName} is null or not a plain function name
     */
    public static Builder builder(String functionName) {
        return new Builder(functionName);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    /** {@code /aws/lambda/<function name>}, as Lambda names it. */
    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    /** {@code yyyy/MM/dd/[<version>]<32 hex>}, as Lambda names it. */
    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    /** {@code null}: CodePipeline's invocations carry no Cognito identity. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** {@code null}: CodePipeline's invocations carry no client context. */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** The time to the deadline on the context's clock, zero once it has passed. */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = Duration.between(clock.instant(), deadline).toMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /**
     * The invocation's deadline.
     *
     * @return the instant {@link #getRemainingTimeInMillis()} counts down to, on the context's clock
     */
    public Instant deadline() {
        return deadline;
    }

    /**
     * Every line logged through {@link #getLogger()}, oldest first, secrets redacted.
     *
     * @return the lines so far, an unmodifiable copy; empty when nothing was logged
     */
    public List<String> logLines() {
        return logger.lines();
    }

    @Override
    public String toString() {
        return "FakeLambdaContext[" + functionName + ", requestId=" + awsRequestId + ", deadline=" + deadline + "]";
    }

    /** Options of a {@link FakeLambdaContext}; everything but the function name has a default. */
    public static final class Builder {

        private final String functionName;
        private String functionVersion = "$LATEST";
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String invokedFunctionArn;
        private String awsRequestId;
        private int memoryLimitInMB = 128;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofMinutes(15);
        private Instant deadline;
        private final List<String> secrets = new ArrayList<>();
        private PrintStream echo;

        private Builder(String functionName) {
            if (functionName == null || !FUNCTION_NAME.matcher(functionName).matches()) {
                throw new IllegalArgumentException("functionName must be 1 to 64 letters, digits, '-' or '_' (a"
                        + " plain Lambda function name), but was "
                        + (functionName == null ? "null" : "'" + functionName + "'"));
            }
            this.functionName = functionName;
        }

        /**
         * The request id; a random UUID by default.
         *
         * @param requestId the id {@link #getAwsRequestId()} returns, any text; not null
         * @return this builder
         */
        public Builder awsRequestId(String requestId) {
            this.awsRequestId = Objects.requireNonNull(requestId, "requestId");
            return this;
        }

        /**
         * The function version; {@code $LATEST} by default.
         *
         * @param version a version number such as {@code 3}, or {@code $LATEST}; not null
         * @return this builder
         */
        public Builder functionVersion(String version) {
            this.functionVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * The region and account of the function's ARN; us-east-1 and 123456789012 by default.
         *
         * @param awsRegion a region name such as {@code eu-west-1}; not null
         * @param account a 12-digit account id; not null
         * @return this builder
         */
        public Builder location(String awsRegion, String account) {
            this.region = Objects.requireNonNull(awsRegion, "awsRegion");
            this.accountId = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * The ARN the function was invoked with; made from the name, region and account by default.
         *
         * @param arn the whole ARN, e.g. one with an alias; not null
         * @return this builder
         */
        public Builder invokedFunctionArn(String arn) {
            this.invokedFunctionArn = Objects.requireNonNull(arn, "arn");
            return this;
        }

        /**
         * The function's memory in MB (128 to 10240, Lambda's range); 128 by default.
         *
         * @param megabytes 128 to 10240
         * @return this builder
         * @throws IllegalArgumentException if {@code megabytes} is out of that range
         */
        public Builder memoryLimitInMB(int megabytes) {
            if (megabytes < 128 || megabytes > 10_240) {
                throw new IllegalArgumentException("memoryLimitInMB must be 128 to 10240 (Lambda's range), but was "
                        + megabytes);
            }
            this.memoryLimitInMB = megabytes;
            return this;
        }

        /**
         * The clock the remaining time is counted on (the mock's, typically); the system clock by default.
         *
         * @param source the clock the deadline and the remaining time are read from; not null
         * @return this builder
         */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The function's timeout: the deadline is this long after the context is built; 15 minutes by default.
         *
         * @param functionTimeout positive; Lambda allows up to 15 minutes, but longer is accepted
         * @return this builder
         * @throws IllegalArgumentException if {@code functionTimeout} is zero or negative
         */
        public Builder timeout(Duration functionTimeout) {
            Objects.requireNonNull(functionTimeout, "functionTimeout");
            if (functionTimeout.isNegative() || functionTimeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, but was " + functionTimeout);
            }
            this.timeout = functionTimeout;
            return this;
        }

        /**
         * The invocation's deadline itself (instead of a timeout).
         *
         * @param at the deadline, an instant on the context's clock; it wins over {@link #timeout(Duration)}; not null
         * @return this builder
         */
        public Builder deadline(Instant at) {
            this.deadline = Objects.requireNonNull(at, "at");
            return this;
        }

        /**
         * Values the logger never shows (blank or null ones are ignored).
         *
         * @param values the secrets, added to those given before; null elements are skipped
         * @return this builder
         */
        public Builder secrets(String... values) {
            for (String value : values) {
                if (value != null) {
                    secrets.add(value);
                }
            }
            return this;
        }

        /**
         * Where logged lines are also printed (redacted); nowhere by default.
         *
         * @param stream where each line goes as it is logged, e.g. {@code System.out}; not null
         * @return this builder
         */
        public Builder echoTo(PrintStream stream) {
            this.echo = Objects.requireNonNull(stream, "stream");
            return this;
        }

        /**
         * The context; the deadline is fixed now, from the clock and the timeout unless a deadline was given.
         *
         * @return a new context with its own logger
         */
        public FakeLambdaContext build() {
            return new FakeLambdaContext(this);
        }
    }
}
