package io.github.cptestkit.schemas;

import java.util.List;
import java.util.Objects;

/**
 * One way a document breaks its schema, told the way AWS tells a {@code ValidationException}.
 *
 * <pre>{@code
 * Violation v = SchemaValidator.shared().validateRequest(Operation.GET_JOB_DETAILS, "{\"jobId\": \"x\"}").get(0);
 * v.path();        // "/jobId"
 * v.constraint();  // Constraint.PATTERN
 * v.awsMessage();  // "Value 'x' at 'jobId' failed to satisfy constraint: Member must satisfy regular
 *                  //  expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
 * }</pre>
 *
 * @param path        JSON Pointer of the offending member ({@code /jobDetails/data/actionTypeId/category}); for a
 *                    missing member, where it should be; {@code ""} for the whole document
 * @param constraint  the kind of rule broken
 * @param requirement the rule in AWS's words, e.g. {@code Member must have length less than or equal to 512}
 * @param value       the offending value as text (strings as they are, anything else as JSON), {@link #REDACTED}
 *                    for a sensitive member, or {@code null} when the member is missing
 * @param awsPath     the path as AWS writes it: members joined by dots, a list item as its 1-based position
 *                    followed by {@code member} ({@code pipeline.stages.1.member.name}), a map entry by its key
 */
public record Violation(String path, Constraint constraint, String requirement, String value, String awsPath) {

    /** What stands in for a sensitive value; the same words the AWS SDK for Java prints. */
    public static final String REDACTED = "*** Sensitive Data Redacted ***";

    /**
     * Checks path, constraint and requirement are given; a null {@code awsPath} is derived from the path.
     *
     * @param path        the JSON Pointer, not null
     * @param constraint  the kind of rule, not null
     * @param requirement the rule in AWS's words, not null
     * @param value       the value as text, {@link #REDACTED}, or null for a missing member
     * @param awsPath     AWS's form of the path, or null to join the pointer's segments by dots
     * @throws NullPointerException if {@code path}, {@code constraint} or {@code requirement} is null
     */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(requirement, "requirement");
        if (awsPath == null) {
            awsPath = dotted(path);
        }
    }

    /**
     * A violation whose AWS path is the pointer's segments joined by dots (right for documents without lists; the
     * validator gives list items AWS's {@code N.member} form).
     *
     * @param path        JSON Pointer of the offending member; {@code ""} for the whole document
     * @param constraint  the kind of rule broken
     * @param requirement the rule in AWS's words
     * @param value       the offending value as text, {@link #REDACTED}, or {@code null} when the member is missing
     */
    public Violation(String path, Constraint constraint, String requirement, String value) {
        this(path, constraint, requirement, value, null);
    }

    /**
     * Whether the value was hidden because the member is sensitive.
     *
     * @return true if the value is {@link #REDACTED}
     */
    public boolean redacted() {
        return REDACTED.equals(value);
    }

    /**
     * This violation with its value hidden when the member is an action configuration value, since secret
     * configuration properties travel there in clear text; this violation itself otherwise. What every log, problem
     * and error message of the mock shows (credentials are redacted by the validator already).
     *
     * <pre>{@code violation.withConfigurationValueHidden().awsMessage()}</pre>
     *
     * @return a copy with value {@link #REDACTED} for a non-null value under {@code /actionConfiguration/}, else
     *         this violation
     */
    public Violation withConfigurationValueHidden() {
        if (value != null && path.contains("/actionConfiguration/")) {
            return new Violation(path, constraint, requirement, REDACTED, awsPath);
        }
        return this;
    }

    private static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(segment.replace("~1", "/").replace("~0", "~"));
        }
        return out.toString();
    }

    /**
     * The sentence AWS puts in a ValidationException for this violation, e.g.
     * {@code Value null at 'jobId' failed to satisfy constraint: Member must not be null}.
     *
     * @return the sentence, with the value quoted (or {@code null} unquoted) and the member at its {@link #awsPath()}
     */
    public String awsMessage() {
        String shown = value == null ? "null" : "'" + value + "'";
        return "Value " + shown + " at '" + awsPath() + "' failed to satisfy constraint: " + requirement;
    }

    /**
     * The message of the {@code ValidationException} that reports {@code violations}, as AWS words it:
     * {@code 1 validation error detected: Value ...}, or {@code 2 validation errors detected: Value ...; Value ...}.
     *
     * @param violations the violations, in the order the message lists them; at least one
     * @return the message, each violation's {@link #awsMessage()} joined by {@code "; "}
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public static String validationExceptionMessage(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty: a ValidationException reports at least"
                    + " one");
        }
        StringBuilder message = new StringBuilder().append(violations.size())
                .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(violations.get(i).awsMessage());
        }
        return message.toString();
    }
}
