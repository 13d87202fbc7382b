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

    public ConfigurationProperty {
        Objects.requireNonNull(name, "name");
    }

    /** A required, plain property. */
    public static ConfigurationProperty required(String name) {
        return new ConfigurationProperty(name, true, false, false, false, null, null);
    }

    /** An optional, plain property. */
    public static ConfigurationProperty optional(String name) {
        return new ConfigurationProperty(name, false, false, false, false, null, null);
    }

    /** The same property marked as a key. */
    public ConfigurationProperty asKey() {
        return new ConfigurationProperty(name, required, true, secret, queryable, description, type);
    }

    /** The same property marked as secret. */
    public ConfigurationProperty asSecret() {
        return new ConfigurationProperty(name, required, key, true, queryable, description, type);
    }

    /** The same property marked as queryable. */
    public ConfigurationProperty asQueryable() {
        return new ConfigurationProperty(name, required, key, secret, true, description, type);
    }

    /** The same property with a description. */
    public ConfigurationProperty withDescription(String text) {
        return new ConfigurationProperty(name, required, key, secret, queryable, text, type);
    }

    /** The same property with a declared type. */
    public ConfigurationProperty withType(ConfigurationPropertyType newType) {
        return new ConfigurationProperty(name, required, key, secret, queryable, description, newType);
    }
}
