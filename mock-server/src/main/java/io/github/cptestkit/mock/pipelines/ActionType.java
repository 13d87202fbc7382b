package io.github.cptestkit.mock.pipelines;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An action type as CreateCustomActionType declares it and ListActionTypes lists it: its id, links,
 * configuration properties and how many artifacts its actions take.
 *
 * <pre>{@code
 * ActionType builder = ActionType.custom(ActionCategory.BUILD, "MyBuilder", "1")
 *         .withConfigurationProperties(ConfigurationProperty.required("ProjectName").asKey().asQueryable())
 *         .withArtifacts(ArtifactDetails.between(1, 1), ArtifactDetails.between(0, 1));
 * builder.queryableProperty();   // Optional[ProjectName]
 * }</pre>
 *
 * @param id                      category, owner, provider and version
 * @param settings                its links ({@link ActionTypeUrls#NONE} for none)
 * @param configurationProperties the configuration keys its actions take (at most 10)
 * @param inputArtifactDetails    how many input artifacts
 * @param outputArtifactDetails   how many output artifacts
 */
public record ActionType(ActionTypeId id, ActionTypeUrls settings, List<ConfigurationProperty> configurationProperties,
        ArtifactDetails inputArtifactDetails, ArtifactDetails outputArtifactDetails) {

    public ActionType {
        Objects.requireNonNull(id, "id");
        settings = settings == null ? ActionTypeUrls.NONE : settings;
        configurationProperties = Copies.list(configurationProperties, "configurationProperties of " + id);
        Objects.requireNonNull(inputArtifactDetails, "inputArtifactDetails");
        Objects.requireNonNull(outputArtifactDetails, "outputArtifactDetails");
    }

    /** A custom action type (owner Custom) without links or properties, taking 0..5 artifacts each way. */
    public static ActionType custom(ActionCategory category, String provider, String version) {
        return new ActionType(new ActionTypeId(category, ActionOwner.CUSTOM, provider, version), ActionTypeUrls.NONE,
                List.of(), ArtifactDetails.between(0, 5), ArtifactDetails.between(0, 5));
    }

    /** The same type with these links. */
    public ActionType withSettings(ActionTypeUrls urls) {
        return new ActionType(id, urls, configurationProperties, inputArtifactDetails, outputArtifactDetails);
    }

    /** The same type with these configuration properties (replacing its own). */
    public ActionType withConfigurationProperties(ConfigurationProperty... properties) {
        return new ActionType(id, settings, List.of(properties), inputArtifactDetails, outputArtifactDetails);
    }

    /** The same type taking these artifact counts. */
    public ActionType withArtifacts(ArtifactDetails input, ArtifactDetails output) {
        return new ActionType(id, settings, configurationProperties, input, output);
    }

    /** The property named {@code name}, or empty. */
    public Optional<ConfigurationProperty> property(String name) {
        return configurationProperties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The name of its queryable property, or empty. */
    public Optional<String> queryableProperty() {
        return configurationProperties.stream().filter(ConfigurationProperty::queryable)
                .map(ConfigurationProperty::name).findFirst();
    }
}
