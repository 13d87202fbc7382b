package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who owns an action type: {@code AWS}, {@code ThirdParty} (partner actions) or {@code Custom}.
 *
 * <pre>{@code new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "MyBuilder", "1");}</pre>
 */
public enum ActionOwner {
    /** Action types AWS provides, e.g. CodeBuild or the Lambda invoke action. */
    AWS("AWS"),
    /** Partner actions: their workers use the third-party job operations with a client token. */
    THIRD_PARTY("ThirdParty"),
    /** Custom actions an account creates; their workers use PollForJobs and the other custom job operations. */
    CUSTOM("Custom");

    private final String wire;

    ActionOwner(String wire) {
        this.wire = wire;
    }

    /**
     * The value AWS sends.
     *
     * @return the value as on the wire, e.g. {@code ThirdParty}, as Jackson writes it
     */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The constant for a wire value, as Jackson reads it.
     *
     * @param wire the value as on the wire, e.g. {@code ThirdParty}; compared exactly (case matters)
     * @return the constant whose {@link #wire()} it is
     * @throws IllegalArgumentException if no constant has that value (the message lists the values)
     */
    @JsonCreator
    public static ActionOwner fromWire(String wire) {
        return WireEnums.fromWire(ActionOwner.class, wire, ActionOwner::wire);
    }
}
