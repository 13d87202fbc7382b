package io.github.cptestkit.mock.pipelines;

import java.util.Objects;

/**
 * One configuration property of a custom action type: the keys its pipelines' actions may (or must) set.
 *
 * <pre>{@code
 * ConfigurationProperty project = ConfigurationProperty.required("ProjectName").asKey().asQueryable();
 * ConfigurationProperty token = ConfigurationProperty.optional("ApiToken").asSecret();
 * }</pre>
 *
 * @param name        the configuration key (1..50 characters)
 * @param required    whether every action of the type must set it
 * @param key         whether it is a key property
 * @param secret      whether its value is hidden everywhere but in the job calls (GetPipeline shows {@code ****})
 * @param queryable   whether PollForJobs filters on it with {@code queryParam} (at most one per type; required
 *                    and not secret)
 * @param description what it is for, or {@code null}
 * @param type        String, Number or Boolean, or {@code null}
 */
public record ConfigurationProperty(String name, boolean required, boolean key, boolean secret, boolean queryable,
        String description, ConfigurationPropertyType type) {

    /**
     * The name is required; the type's other rules are checked when the action type is created.
     *
     * @param name        the configuration key (1..50 characters)
     * @param required    whether every action of the type must set it
     * @param key         whether it is a key property
     * @param secret      whether its value is hidden everywhere but in the job calls (GetPipeline shows {@code ****})
     * @param queryable   whether PollForJobs filters on it with {@code queryParam} (at most one per type; required
     *                    and not secret)
     * @param description what it is for, or {@code null}
     * @param type        String, Number or Boolean, or {@code null}
     */
    public ConfigurationProperty {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A required, plain property: not a key, not secret, not queryable, without description or type.
     *
     * @param name the configuration key (1..50 characters); not {@code null}
     * @return a new property
     */
    public static ConfigurationProperty required(String name) {
        return new ConfigurationProperty(name, true, false, false, false, null, null);
    }

    /**
     * An optional, plain property: not a key, not secret, not queryable, without description or type.
     *
     * @param name the configuration key (1..50 characters); not {@code null}
     * @return a new property
     */
    public static ConfigurationProperty optional(String name) {
        return new ConfigurationProperty(name, false, false, false, false, null, null);
    }

    /**
     * The same property marked as a key.
     *
     * @return a new property; this one is unchanged
     */
    public ConfigurationProperty asKey() {
        return new ConfigurationProperty(name, required, true, secret, queryable, description, type);
    }

    /**
     * The same property marked as secret: GetPipeline shows its values as {@code ****}.
     *
     * @return a new property; this one is unchanged
     */
    public ConfigurationProperty asSecret() {
        return new ConfigurationProperty(name, required, key, true, queryable, description, type);
    }

    /**
     * The same property marked as queryable (it must be required and not secret, one per type).
     *
     * @return a new property; this one is unchanged
     */
    public ConfigurationProperty asQueryable() {
        return new ConfigurationProperty(name, required, key, secret, true, description, type);
    }

    /**
     * The same property with a description.
     *
     * @param text what the property is for, as ListActionTypes shows it, or {@code null} for none
     * @return a new property; this one is unchanged
     */
    public ConfigurationProperty withDescription(String text) {
        return new ConfigurationProperty(name, required, key, secret, queryable, text, type);
    }

    /**
     * The same property with a declared type.
     *
     * @param newType String, Number or Boolean, or {@code null} for none declared
     * @return a new property; this one is unchanged
     */
    public ConfigurationProperty withType(ConfigurationPropertyType newType) {
        return new ConfigurationProperty(name, required, key, secret, queryable, description, newType);
    }
}
