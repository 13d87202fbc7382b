package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * The revision a worker reports with a success result. {@code created} travels as epoch seconds.
 *
 * <pre>{@code new CurrentRevision("5d1c3f0b", "change-42", Instant.parse("2026-01-01T00:00:00Z"), "Fix build");}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurrentRevision(String revision, String changeIdentifier,
        @JsonSerialize(using = EpochSeconds.Serializer.class) @JsonDeserialize(using = EpochSeconds.Deserializer.class)
        Instant created,
        String revisionSummary) {}
