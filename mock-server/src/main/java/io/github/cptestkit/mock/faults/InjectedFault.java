package io.github.cptestkit.mock.faults;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.cptestkit.schemas.AwsError;
import java.time.Duration;
import java.util.Objects;

/**
 * What an injected fault answers in place of the emulator: an AWS error, the normal answer after a delay, or a
 * WireMock socket fault.
 *
 * <pre>{@code
 * mock.failNext(Operation.POLL_FOR_JOBS, 1, InjectedFault.error(AwsError.THROTTLING));
 * mock.failNext(2, InjectedFault.socket(Fault.CONNECTION_RESET_BY_PEER));   // any operation
 * mock.failNext(Operation.ACKNOWLEDGE_JOB, 1, InjectedFault.delay(Duration.ofSeconds(3)));
 * }</pre>
 */
public sealed interface InjectedFault {

    /**
     * An AWS error answer, with the error's HTTP status, {@code __type}, {@code x-amzn-ErrorType} and message.
     *
     * @param error   the error
     * @param message its message
     */
    record ErrorAnswer(AwsError error, String message) implements InjectedFault {
        public ErrorAnswer {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The emulator's normal answer, sent after a delay (WireMock's fixed delay).
     *
     * @param delay how long to wait before answering
     */
    record DelayedAnswer(Duration delay) implements InjectedFault {
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
        public SocketFault {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** The error with the message AWS sends for it (service-wide errors) or a message naming the injection. */
    static InjectedFault error(AwsError error) {
        return new ErrorAnswer(error, defaultMessage(error));
    }

    /** The error with a message of your choosing. */
    static InjectedFault error(AwsError error, String message) {
        return new ErrorAnswer(error, message);
    }

    /** The normal answer, after {@code delay}. */
    static InjectedFault delay(Duration delay) {
        return new DelayedAnswer(delay);
    }

    /** A socket fault, e.g. {@link Fault#CONNECTION_RESET_BY_PEER}. */
    static InjectedFault socket(Fault fault) {
        return new SocketFault(fault);
    }

    private static String defaultMessage(AwsError error) {
        return switch (error) {
            case THROTTLING -> "Rate exceeded";
            case INTERNAL_FAILURE -> "An internal error occurred. Try again.";
            case SERVICE_UNAVAILABLE -> "The service is unavailable. Try again.";
            case ACCESS_DENIED -> "User is not authorized to perform this operation";
            default -> error.type() + " injected by the mock";
        };
    }
}
