package io.github.cptestkit.mock.pipelines;

import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import java.util.Map;
import java.util.Objects;

/**
 * An action type the mock knows, at one moment: its declaration, how its jobs are treated, where it came from and
 * its tags.
 *
 * <pre>{@code
 * ActionTypeSnapshot type = mock.actionType(id).orElseThrow();
 * assertThat(type.origin()).isEqualTo(ActionTypeSnapshot.Origin.CREATED);
 * assertThat(type.actionType().queryableProperty()).hasValue("ProjectName");
 * }</pre>
 *
 * @param actionType the declaration (for a registered type without one: no properties, 0..5 artifacts for custom
 *                   types, 0..10 for partner types)
 * @param settings   its job timeout and queryable property, as the job operations use them
 * @param origin     how the mock came to know it
 * @param tags       its tags (CreateCustomActionType, TagResource), in the order they were given
 */
public record ActionTypeSnapshot(ActionType actionType, ActionTypeSettings settings, Origin origin,
        Map<String, String> tags) {

    /** How the mock came to know an action type. */
    public enum Origin {
        /** One of AWS's own providers (S3, CodeBuild, Lambda, ...) or a partner provider of the user guide. */
        BUILT_IN,
        /** Made by CreateCustomActionType (its configuration properties are checked in pipelines). */
        CREATED,
        /** Made by {@code registerActionType}, the admin API or a queued job (any configuration is accepted). */
        REGISTERED
    }

    /**
     * Copies the tags ({@code null} is none); the declaration, the settings and the origin are required.
     *
     * @param actionType the declaration (for a registered type without one: no properties, 0..5 artifacts for custom
     *                   types, 0..10 for partner types)
     * @param settings   its job timeout and queryable property, as the job operations use them
     * @param origin     how the mock came to know it
     * @param tags       its tags (CreateCustomActionType, TagResource), in the order they were given
     */
    public ActionTypeSnapshot {
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(origin, "origin");
        tags = Copies.map(tags, "tags of " + actionType.id());
    }
}
