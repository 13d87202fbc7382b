package io.github.cptestkit.pact.internal;

/**
 * The Pact JVM system properties every CodePipeline pact needs, set once per JVM before a pact is built, written,
 * read or verified.
 *
 * <ul>
 *   <li>{@code pact.content_type.override.application/x-amz-json-1.1=json}: Pact JVM does not recognise
 *       {@code application/x-amz-json-1.1} as JSON and would write its bodies base64-encoded; with the override pact
 *       files hold JSON bodies and bodies are matched as JSON.</li>
 *   <li>{@code pact_do_not_track=true}, unless the user set it (property or environment variable): Pact JVM sends
 *       usage metrics otherwise.</li>
 * </ul>
 *
 * <pre>{@code
 * static { PactSettings.apply(); }   // in every class that builds, reads or verifies CodePipeline pacts
 * }</pre>
 */
public final class PactSettings {

    /** The content type of every CodePipeline request and answer (AWS JSON 1.1). */
    public static final String AMZ_JSON = "application/x-amz-json-1.1";
    /** The property that makes Pact JVM treat {@link #AMZ_JSON} bodies as JSON. */
    public static final String CONTENT_TYPE_OVERRIDE = "pact.content_type.override." + AMZ_JSON;
    /** The property (or environment variable) that turns Pact JVM's usage metrics off. */
    public static final String DO_NOT_TRACK = "pact_do_not_track";

    private PactSettings() {}

    /** Sets the properties; harmless to call again. An explicit JSON override of the user's is kept. */
    public static void apply() {
        if (!"json".equals(System.getProperty(CONTENT_TYPE_OVERRIDE))) {
            System.setProperty(CONTENT_TYPE_OVERRIDE, "json");
        }
        if (System.getProperty(DO_NOT_TRACK) == null && System.getenv(DO_NOT_TRACK) == null) {
            System.setProperty(DO_NOT_TRACK, "true");
        }
    }
}
