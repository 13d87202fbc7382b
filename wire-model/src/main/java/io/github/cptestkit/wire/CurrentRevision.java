package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * The revision a worker reports with a success result. {@code created} travels as epoch seconds.
 *
 * <pre>{@code new CurrentRevision("5d1c3f0b", "change-42", Instant.parse("2026-01-01T00:00:00Z"), "Fix build");}</pre>
 *
 * @param revision         the revision, e.g. a commit id (1 to 1500 characters); required on the wire
 * @param changeIdentifier the change that made it, e.g. a change set or pull request (1 to 100 characters);
 *                         required on the wire
 * @param created          when the revision was made, or {@code null}; kept to the nanosecond, sent as epoch seconds
 *                         with a fraction
 * @param revisionSummary  a summary of the revision, e.g. a commit message (1 to 2048 characters), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurrentRevision(String revision, String changeIdentifier,
        @JsonSerialize(using = EpochSeconds.Serializer.class) @JsonDeserialize(using = EpochSeconds.Deserializer.class)
        Instant created,
        String revisionSummary) {}
