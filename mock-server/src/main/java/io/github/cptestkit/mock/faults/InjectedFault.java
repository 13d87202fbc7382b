package io.github.cptestkit.mock.faults;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What an injected fault answers in place of the emulator: an AWS error, the normal answer after a delay, or a
 * WireMock socket fault.
 *
 * <pre>{@code
 * mock.failNext(Operation.POLL_FOR_JOBS, 1, InjectedFault.error(AwsError.THROTTLING));
 * mock.failNext(2, InjectedFault.socket(Fault.CONNECTION_RESET_BY_PEER));   // any operation
 * mock.failNext(Operation.ACKNOWLEDGE_JOB, 1, InjectedFault.delay(Duration.ofSeconds(3)));
 * mock.failNext(Operation.POLL_FOR_JOBS, 1, InjectedFault.anyError(AwsError.INVALID_NONCE));  // one AWS never sends
 * }</pre>
 *
 * <p>An error fault must be one the operation can answer (the errors its model lists, and the service-wide ones):
 * {@code failNext} refuses others, and a fault for any operation may be only a service-wide error, unless it is made
 * with {@link #anyError}.
 */
public sealed interface InjectedFault {

    /**
     * An AWS error answer, with the error's HTTP status, {@code __type}, {@code x-amzn-ErrorType} and message.
     *
     * @param error    the error
     * @param message  its message
     * @param anyError whether it may be answered by an operation whose model does not list it
     */
    record ErrorAnswer(AwsError error, String message, boolean anyError) implements InjectedFault {
        /**
         * The error and the message are required.
         *
         * @param error    the error
         * @param message  its message
         * @param anyError whether it may be answered by an operation whose model does not list it
         */
        public ErrorAnswer {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(message, "message");
        }

        /**
         * An error the operation must be able to answer ({@code anyError} false).
         *
         * @param error   the error; not {@code null}
         * @param message its message; not {@code null}
         */
        public ErrorAnswer(AwsError error, String message) {
            this(error, message, false);
        }

        /**
         * Refuses this error for {@code operation} when the operation cannot answer it and the fault was not made
         * with {@link InjectedFault#anyError}.
         *
         * @param operation the operation the fault is for, or {@code null} for a fault for any operation (then only
         *                  a service-wide error passes)
         * @throws IllegalArgumentException naming the errors the operation can answer, when it cannot answer this one
         */
        public void checkFor(Operation operation) {
            if (anyError) {
                return;
            }
            List<AwsError> possible = operation != null ? operation.possibleErrors()
                    : Arrays.stream(AwsError.values()).filter(e -> !e.modeled()).toList();
            if (!possible.contains(error)) {
                throw new IllegalArgumentException((operation != null ? operation.operationName()
                        + " cannot answer " + error.type() + ": it answers " : "A fault for any operation cannot be "
                        + error.type() + ", which not every operation answers: every operation answers ")
                        + possible.stream().map(AwsError::type).toList() + "; to inject it anyway, make the fault"
                        + " with InjectedFault.anyError(...) (admin API: \"anyError\": true)");
            }
        }
    }

    /**
     * The emulator's normal answer, sent after a delay (WireMock's fixed delay).
     *
     * @param delay how long to wait before answering
     */
    record DelayedAnswer(Duration delay) implements InjectedFault {
        /**
         * A {@code null} or negative delay is refused.
         *
         * @param delay how long to wait before answering
         */
        public DelayedAnswer {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must be zero or more, but was " + delay);
            }
        }
    }

    /**
     * A broken connection instead of an answer (WireMock's socket faults).
     *
     * @param fault the WireMock fault
     */
    record SocketFault(Fault fault) implements InjectedFault {
        /**
         * The fault is required.
         *
         * @param fault the WireMock fault
         */
        public SocketFault {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /**
     * The error with the message AWS sends for it (service-wide errors) or a message naming the injection.
     *
     * @param error the error to answer; one the operation can answer (see {@link ErrorAnswer#checkFor})
     * @return an error fault
     */
    static InjectedFault error(AwsError error) {
        return new ErrorAnswer(error, defaultMessage(error));
    }

    /**
     * The error with a message of your choosing.
     *
     * @param error   the error to answer; one the operation can answer (see {@link ErrorAnswer#checkFor})
     * @param message the message the client reads; not {@code null}
     * @return an error fault
     */
    static InjectedFault error(AwsError error, String message) {
        return new ErrorAnswer(error, message);
    }

    /**
     * The error, with its default message, for any operation: also one whose model does not list it.
     *
     * @param error the error to answer, e.g. one AWS never sends for that operation
     * @return an error fault that {@link ErrorAnswer#checkFor} lets pass
     */
    static InjectedFault anyError(AwsError error) {
        return new ErrorAnswer(error, defaultMessage(error), true);
    }

    /**
     * The error with a message of your choosing, for any operation: also one whose model does not list it.
     *
     * @param error   the error to answer, e.g. one AWS never sends for that operation
     * @param message the message the client reads; not {@code null}
     * @return an error fault that {@link ErrorAnswer#checkFor} lets pass
     */
    static InjectedFault anyError(AwsError error, String message) {
        return new ErrorAnswer(error, message, true);
    }

    /**
     * The normal answer, after {@code delay} (real time: the mock's clock does not move it).
     *
     * @param delay how long to wait before answering; zero or more
     * @return a delay fault
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    static InjectedFault delay(Duration delay) {
        return new DelayedAnswer(delay);
    }

    /**
     * A socket fault, e.g. {@link Fault#CONNECTION_RESET_BY_PEER}.
     *
     * @param fault WireMock's fault, how the connection breaks; not {@code null}
     * @return a socket fault
     */
    static InjectedFault socket(Fault fault) {
        return new SocketFault(fault);
    }

    /** AWS's wording where it is public ({@link AwsError#awsMessage()}), else a message naming the injection. */
    private static String defaultMessage(AwsError error) {
        return error.awsMessage().orElseGet(() -> error == AwsError.ACCESS_DENIED
                ? "User is not authorized to perform this operation" : error.type() + " injected by the mock");
    }
}
