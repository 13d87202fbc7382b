package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The category of an action type, as on the wire ({@code "Build"}).
 *
 * <pre>{@code FakeJobs.thirdParty().category(ActionCategory.BUILD).build();}</pre>
 */
public enum ActionCategory {
    /** Source actions: they fetch a revision and make the pipeline's first artifacts. */
    SOURCE("Source"),
    /** Build actions: they turn input artifacts into built ones. */
    BUILD("Build"),
    /** Deploy actions: they put artifacts into an environment. */
    DEPLOY("Deploy"),
    /** Test actions: they check artifacts. */
    TEST("Test"),
    /** Invoke actions, e.g. a Lambda function (owner AWS, provider Lambda). */
    INVOKE("Invoke"),
    /** Approval actions: a person approves or rejects the run. */
    APPROVAL("Approval"),
    /** Compute actions: they run commands. */
    COMPUTE("Compute");

    private final String wire;

    ActionCategory(String wire) {
        this.wire = wire;
    }

    /**
     * The value AWS sends.
     *
     * @return the value as on the wire, e.g. {@code Build}, as Jackson writes it
     */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The constant for a wire value, as Jackson reads it.
     *
     * @param wire the value as on the wire, e.g. {@code Build}; compared exactly (case matters)
     * @return the constant whose {@link #wire()} it is
     * @throws IllegalArgumentException if no constant has that value (the message lists the values)
     */
    @JsonCreator
    public static ActionCategory fromWire(String wire) {
        return WireEnums.fromWire(ActionCategory.class, wire, ActionCategory::wire);
    }
}
