package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.schemas.AwsError;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account and Region the mock's control plane plays, and the ARNs of its resources: pipelines
 * ({@code arn:aws:codepipeline:<region>:<account>:<name>}) and action types
 * ({@code arn:aws:codepipeline:<region>:<account>:actiontype:<Owner>/<Category>/<Provider>/<Version>}, as the user
 * guide's customactions-tag.md writes them).
 *
 * <pre>{@code
 * ControlPlaneScope scope = ControlPlaneScope.DEFAULT;
 * scope.pipelineArn("release");   // "arn:aws:codepipeline:us-east-1:123456789012:release"
 * }</pre>
 *
 * @param region    the Region, e.g. {@code us-east-1}
 * @param accountId the 12-digit account id
 */
public record ControlPlaneScope(String region, String accountId) {

    /** us-east-1, account 123456789012. */
    public static final ControlPlaneScope DEFAULT = new ControlPlaneScope("us-east-1", "123456789012");

    private static final Pattern ARN = Pattern.compile("arn:aws(-[\\w]+)*:codepipeline:([^:]+):([0-9]{12}):(.+)");
    private static final Pattern ACTION_TYPE = Pattern.compile("(?i:actiontype):([^/]+)/([^/]+)/([^/]+)/([^/]+)");

    public ControlPlaneScope {
        Objects.requireNonNull(region, "region");
        if (accountId == null || !accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits, but was '" + accountId + "'");
        }
    }

    /** The ARN of pipeline {@code name}. */
    public String pipelineArn(String name) {
        return prefix() + name;
    }

    /** The ARN of an action type. */
    public String actionTypeArn(ActionTypeId id) {
        return prefix() + "actiontype:" + id.owner().wire() + "/" + id.category().wire() + "/" + id.provider() + "/"
                + id.version();
    }

    private String prefix() {
        return "arn:aws:codepipeline:" + region + ":" + accountId + ":";
    }

    /** What a resource ARN names. */
    public sealed interface Resource {
        /** A pipeline. */
        record Pipeline(String name) implements Resource {}

        /** An action type. */
        record ActionType(ActionTypeId id) implements Resource {}
    }

    /**
     * What {@code arn} names in this account and Region: a refusal for an ARN of another service or of a form the
     * mock does not know (InvalidArnException), empty for one of another account or Region (no such resource here).
     */
    public Optional<Resource> resource(String arn) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        if (m == null || !m.matches()) {
            throw new ControlPlaneRefusal(AwsError.INVALID_ARN, "The ARN '" + arn + "' is not a CodePipeline ARN:"
                    + " expected arn:aws:codepipeline:<region>:<account>:<pipeline name> or"
                    + " ...:actiontype:<Owner>/<Category>/<Provider>/<Version>");
        }
        if (!m.group(2).equals(region) || !m.group(3).equals(accountId)) {
            return Optional.empty();
        }
        String resource = m.group(4);
        Matcher type = ACTION_TYPE.matcher(resource);
        if (type.matches()) {
            Optional<ActionOwner> owner = ownerOf(type.group(1));
            Optional<ActionCategory> category = categoryOf(type.group(2));
            if (owner.isEmpty() || category.isEmpty()) {
                throw new ControlPlaneRefusal(AwsError.INVALID_ARN, "The action type ARN '" + arn + "' does not"
                        + " name an owner (AWS, ThirdParty, Custom) and a category (Source, Build, ...) in its"
                        + " resource " + resource);
            }
            return Optional.of(new Resource.ActionType(new ActionTypeId(category.get(), owner.get(), type.group(3),
                    type.group(4))));
        }
        if (resource.contains(":") || resource.contains("/")) {
            return Optional.empty();         // webhooks and other resources: none in the mock
        }
        return Optional.of(new Resource.Pipeline(resource));
    }

    private static Optional<ActionOwner> ownerOf(String text) {
        for (ActionOwner owner : ActionOwner.values()) {
            if (owner.wire().equalsIgnoreCase(text)) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    private static Optional<ActionCategory> categoryOf(String text) {
        for (ActionCategory category : ActionCategory.values()) {
            if (category.wire().equalsIgnoreCase(text)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
