package io.github.cptestkit.wire;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one lookup from a wire value to an enum constant, shared by the wire enums. */
final class WireEnums {

    private WireEnums() {}

    static <E extends Enum<E>> E fromWire(Class<E> type, String wire, Function<E, String> wireOf) {
        for (E constant : type.getEnumConstants()) {
            if (wireOf.apply(constant).equals(wire)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(wireOf).collect(Collectors.joining(", ", "[", "]"))
                + ", but was '" + wire + "'");
    }
}
