package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who owns an action type: {@code AWS}, {@code ThirdParty} (partner actions) or {@code Custom}.
 *
 * <pre>{@code new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "MyBuilder", "1");}</pre>
 */
public enum ActionOwner {
    AWS("AWS"), THIRD_PARTY("ThirdParty"), CUSTOM("Custom");

    private final String wire;

    ActionOwner(String wire) {
        this.wire = wire;
    }

    /** The value AWS sends, e.g. {@code ThirdParty}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The constant for a wire value. */
    @JsonCreator
    public static ActionOwner fromWire(String wire) {
        return WireEnums.fromWire(ActionOwner.class, wire, ActionOwner::wire);
    }
}
