package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * Identifies an action type: the key by which workers poll for jobs.
 *
 * <pre>{@code
 * ActionTypeId type = new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "MyCi", "1");
 * }</pre>
 *
 * @param category what the action does, e.g. {@link ActionCategory#BUILD}
 * @param owner    who provides the action type
 * @param provider the provider's name (1 to 35 of {@code [0-9A-Za-z_-]}), e.g. {@code MyCi}
 * @param version  the action type's version (1 to 9 of {@code [0-9A-Za-z_-]}), e.g. {@code 1}
 */
public record ActionTypeId(ActionCategory category, ActionOwner owner, String provider, String version) {
    /**
     * Checks every member is given (the model requires all four).
     *
     * @param category the category, not null
     * @param owner    the owner, not null
     * @param provider the provider's name, not null; its length and pattern are not checked here
     * @param version  the version, not null; its length and pattern are not checked here
     * @throws NullPointerException if a member is null
     */
    public ActionTypeId {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(version, "version");
    }
}
