package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.schemas.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which handler answers each CodePipeline operation. The {@link CodePipelineProtocol} parses and validates a request
 * against its operation's schemas, then hands it to the operation's handler here; an operation without one is
 * UnknownOperationException. Adding an operation is one handler and its registration: the protocol, the service's
 * routes, faults and the recorded calls need nothing more (the operation must be in the schemas' {@link Operation}).
 *
 * <pre>{@code
 * Operations operations = new JobOperations(jobStore).registerIn(new Operations());
 * operations.register(Operation.LIST_ACTION_TYPES, request -> Reply.of(actionTypes.list(request)));
 * new CodePipelineProtocol(operations, true);
 * }</pre>
 */
public final class Operations {

    /** The answer of one operation to a request that passed its input schema (nulls dropped). */
    @FunctionalInterface
    public interface Handler {
        /** The reply; a refusal is an {@link AwsException} naming the AWS error. */
        Reply answer(JsonNode request);
    }

    private final Map<Operation, Handler> handlers = new EnumMap<>(Operation.class);

    /** Registers the handler of {@code operation}; returns this registry. Each operation has one handler. */
    public Operations register(Operation operation, Handler handler) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(operation, handler) != null) {
            throw new IllegalStateException(operation.operationName() + " has a handler already; each operation"
                    + " has one");
        }
        return this;
    }

    /** The handler of {@code operation}, or empty when none is registered. */
    public Optional<Handler> handlerFor(Operation operation) {
        return Optional.ofNullable(handlers.get(operation));
    }
}
