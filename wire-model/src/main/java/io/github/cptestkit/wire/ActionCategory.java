package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The category of an action type, as on the wire ({@code "Build"}).
 *
 * <pre>{@code FakeJobs.thirdParty().category(ActionCategory.BUILD).build();}</pre>
 */
public enum ActionCategory {
    SOURCE("Source"), BUILD("Build"), DEPLOY("Deploy"), TEST("Test"), INVOKE("Invoke"), APPROVAL("Approval"),
    COMPUTE("Compute");

    private final String wire;

    ActionCategory(String wire) {
        this.wire = wire;
    }

    /** The value AWS sends, e.g. {@code Build}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The constant for a wire value; an unknown value is an {@link IllegalArgumentException} naming the set. */
    @JsonCreator
    public static ActionCategory fromWire(String wire) {
        return WireEnums.fromWire(ActionCategory.class, wire, ActionCategory::wire);
    }
}
