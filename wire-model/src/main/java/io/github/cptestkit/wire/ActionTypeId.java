package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * Identifies an action type: the key by which workers poll for jobs.
 *
 * <pre>{@code
 * ActionTypeId type = new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "MyCi", "1");
 * }</pre>
 */
public record ActionTypeId(ActionCategory category, ActionOwner owner, String provider, String version) {
    public ActionTypeId {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(version, "version");
    }
}
