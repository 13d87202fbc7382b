package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a worker failed a job ({@code failureDetails.type}).
 *
 * <pre>{@code new FailureDetails(FailureType.CONFIGURATION_ERROR, "ProjectName is missing", null);}</pre>
 */
public enum FailureType {
    /** The work itself failed, e.g. a build or a test. */
    JOB_FAILED("JobFailed"),
    /** The action's configuration is wrong or incomplete. */
    CONFIGURATION_ERROR("ConfigurationError"),
    /** The worker lacks a permission it needs. */
    PERMISSION_ERROR("PermissionError"),
    /** The revision the job names no longer matches the source. */
    REVISION_OUT_OF_SYNC("RevisionOutOfSync"),
    /** The revision the job names cannot be fetched. */
    REVISION_UNAVAILABLE("RevisionUnavailable"),
    /** A system the worker depends on is unavailable. */
    SYSTEM_UNAVAILABLE("SystemUnavailable");

    private final String wire;

    FailureType(String wire) {
        this.wire = wire;
    }

    /**
     * The value on the wire.
     *
     * @return the value as on the wire, e.g. {@code ConfigurationError}, as Jackson writes it
     */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The constant for a wire value, as Jackson reads it.
     *
     * @param wire the value as on the wire, e.g. {@code ConfigurationError}; compared exactly (case matters)
     * @return the constant whose {@link #wire()} it is
     * @throws IllegalArgumentException if no constant has that value (the message lists the values)
     */
    @JsonCreator
    public static FailureType fromWire(String wire) {
        return WireEnums.fromWire(FailureType.class, wire, FailureType::wire);
    }
}
