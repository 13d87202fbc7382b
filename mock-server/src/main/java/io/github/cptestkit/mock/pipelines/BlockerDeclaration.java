package io.github.cptestkit.mock.pipelines;

import java.util.Objects;

/**
 * A stage blocker: reserved by AWS for future use; kept as declared.
 *
 * <pre>{@code new BlockerDeclaration("NightlyWindow", "Schedule")}</pre>
 *
 * @param name the blocker's name, unique in its stage
 * @param type its type ({@code Schedule}, the only one the model has)
 */
public record BlockerDeclaration(String name, String type) {
    /**
     * Every component is required.
     *
     * @param name the blocker's name, unique in its stage
     * @param type its type ({@code Schedule}, the only one the model has)
     */
    public BlockerDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
