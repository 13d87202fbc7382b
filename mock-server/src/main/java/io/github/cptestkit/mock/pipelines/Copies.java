package io.github.cptestkit.mock.pipelines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable, order-keeping copies for the declaration records: {@code null} reads as empty. */
final class Copies {

    private Copies() {}

    static <T> List<T> list(List<T> list, String what) {
        if (list == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(Objects.requireNonNull(item, () -> what + " must not contain null"));
        }
        return Collections.unmodifiableList(copy);
    }

    static <V> Map<String, V> map(Map<String, V> map, String what) {
        if (map == null) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, () -> what + " must not have a null key"),
                Objects.requireNonNull(value, () -> what + " must not have a null value (key " + key + ")")));
        return Collections.unmodifiableMap(copy);
    }
}
