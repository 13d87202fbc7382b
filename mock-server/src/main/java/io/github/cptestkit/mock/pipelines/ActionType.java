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

    /**
     * Copies the properties ({@code null} is none); {@code null} links are {@link ActionTypeUrls#NONE}; the id and both
     * artifact counts are required.
     *
     * @param id                      category, owner, provider and version
     * @param settings                its links ({@link ActionTypeUrls#NONE} for none)
     * @param configurationProperties the configuration keys its actions take (at most 10)
     * @param inputArtifactDetails    how many input artifacts
     * @param outputArtifactDetails   how many output artifacts
     */
    public ActionType {
        Objects.requireNonNull(id, "id");
        settings = settings == null ? ActionTypeUrls.NONE : settings;
        configurationProperties = Copies.list(configurationProperties, "configurationProperties of " + id);
        Objects.requireNonNull(inputArtifactDetails, "inputArtifactDetails");
        Objects.requireNonNull(outputArtifactDetails, "outputArtifactDetails");
    }

    /**
     * A custom action type (owner Custom) without links or properties, taking 0..5 artifacts each way.
     *
     * @param category the category (Source, Build, Test, Deploy, Approval, Invoke)
     * @param provider the provider's name, as the pipelines' actions name it
     * @param version  the type's version, e.g. {@code 1}
     * @return a new declaration
     */
    public static ActionType custom(ActionCategory category, String provider, String version) {
        return new ActionType(new ActionTypeId(category, ActionOwner.CUSTOM, provider, version), ActionTypeUrls.NONE,
                List.of(), ArtifactDetails.between(0, 5), ArtifactDetails.between(0, 5));
    }

    /**
     * The same type with these links.
     *
     * @param urls the links; {@code null} or {@link ActionTypeUrls#NONE} for none
     * @return a new declaration; this one is unchanged
     */
    public ActionType withSettings(ActionTypeUrls urls) {
        return new ActionType(id, urls, configurationProperties, inputArtifactDetails, outputArtifactDetails);
    }

    /**
     * The same type with these configuration properties (replacing its own).
     *
     * @param properties the properties, in order (AWS allows at most 10, one of them queryable); none is none
     * @return a new declaration; this one is unchanged
     */
    public ActionType withConfigurationProperties(ConfigurationProperty... properties) {
        return new ActionType(id, settings, List.of(properties), inputArtifactDetails, outputArtifactDetails);
    }

    /**
     * The same type taking these artifact counts.
     *
     * @param input  how many input artifacts its actions take; not {@code null}
     * @param output how many output artifacts its actions take; not {@code null}
     * @return a new declaration; this one is unchanged
     */
    public ActionType withArtifacts(ArtifactDetails input, ArtifactDetails output) {
        return new ActionType(id, settings, configurationProperties, input, output);
    }

    /**
     * The property named {@code name}.
     *
     * @param name the configuration key, case-sensitive
     * @return the property, or empty when the type has none of that name
     */
    public Optional<ConfigurationProperty> property(String name) {
        return configurationProperties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The name of its queryable property.
     *
     * @return the first property marked queryable, or empty when none is
     */
    public Optional<String> queryableProperty() {
        return configurationProperties.stream().filter(ConfigurationProperty::queryable)
                .map(ConfigurationProperty::name).findFirst();
    }
}
