package io.github.cptestkit.mock.pipelines;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a pipeline: its actions, run by runOrder.
 *
 * <pre>{@code
 * StageDeclaration build = StageDeclaration.of("Build", buildAction, testAction.withRunOrder(2));
 * build.action("Build");     // Optional<ActionDeclaration>
 * }</pre>
 *
 * @param name         unique in the pipeline
 * @param blockers     its blockers (reserved by AWS for future use)
 * @param actions      its actions, in declaration order
 * @param otherMembers members of the model's StageDeclaration kept as they came without interpreting them
 *                     ({@code beforeEntry}, {@code onSuccess}, {@code onFailure}), as plain values
 */
public record StageDeclaration(String name, List<BlockerDeclaration> blockers, List<ActionDeclaration> actions,
        Map<String, Object> otherMembers) {

    /**
     * Copies the lists and the map ({@code null} is empty; a {@code null} entry is refused); the name is required.
     *
     * @param name         unique in the pipeline
     * @param blockers     its blockers (reserved by AWS for future use)
     * @param actions      its actions, in declaration order
     * @param otherMembers members of the model's StageDeclaration kept as they came without interpreting them
     *                     ({@code beforeEntry}, {@code onSuccess}, {@code onFailure}), as plain values
     */
    public StageDeclaration {
        Objects.requireNonNull(name, "name");
        blockers = Copies.list(blockers, "blockers of stage " + name);
        actions = Copies.list(actions, "actions of stage " + name);
        otherMembers = Copies.map(otherMembers, "otherMembers of stage " + name);
    }

    /**
     * A stage of these actions, without blockers.
     *
     * @param name    the stage's name, unique in the pipeline; not {@code null}
     * @param actions its actions, in declaration order
     * @return a new declaration
     */
    public static StageDeclaration of(String name, ActionDeclaration... actions) {
        return new StageDeclaration(name, null, List.of(actions), null);
    }

    /**
     * The action named {@code actionName}.
     *
     * @param actionName the action's name, case-sensitive
     * @return the action, or empty when the stage has none of that name
     */
    public Optional<ActionDeclaration> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }
}
