package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a worker failed a job ({@code failureDetails.type}).
 *
 * <pre>{@code new FailureDetails(FailureType.CONFIGURATION_ERROR, "ProjectName is missing", null);}</pre>
 */
public enum FailureType {
    JOB_FAILED("JobFailed"), CONFIGURATION_ERROR("ConfigurationError"), PERMISSION_ERROR("PermissionError"),
    REVISION_OUT_OF_SYNC("RevisionOutOfSync"), REVISION_UNAVAILABLE("RevisionUnavailable"),
    SYSTEM_UNAVAILABLE("SystemUnavailable");

    private final String wire;

    FailureType(String wire) {
        this.wire = wire;
    }

    /** The value on the wire, e.g. {@code ConfigurationError}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The constant for a wire value. */
    @JsonCreator
    public static FailureType fromWire(String wire) {
        return WireEnums.fromWire(FailureType.class, wire, FailureType::wire);
    }
}
