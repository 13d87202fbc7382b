package io.github.cptestkit.mock.pipelines;

/**
 * The links of a custom action type (CreateCustomActionType's {@code settings}); templates may name configuration
 * properties that are required and not secret as {@code {Config:Name}}.
 *
 * <pre>{@code
 * new ActionTypeUrls("https://ci.example.com/job/{Config:ProjectName}/",
 *         "https://ci.example.com/job/{Config:ProjectName}/{ExternalExecutionId}/", null, null)
 * }</pre>
 *
 * @param entityUrlTemplate          link to the external system's resource, or {@code null}
 * @param executionUrlTemplate       link to one run, with {@code {ExternalExecutionId}}, or {@code null}
 * @param revisionUrlTemplate        link to a revision, or {@code null}
 * @param thirdPartyConfigurationUrl the partner's configuration page, or {@code null}
 */
public record ActionTypeUrls(String entityUrlTemplate, String executionUrlTemplate, String revisionUrlTemplate,
        String thirdPartyConfigurationUrl) {

    /** No links. */
    public static final ActionTypeUrls NONE = new ActionTypeUrls(null, null, null, null);

    /**
     * Whether no link is set.
     *
     * @return {@code true} when all four links are {@code null}, as in {@link #NONE}
     */
    public boolean isEmpty() {
        return entityUrlTemplate == null && executionUrlTemplate == null && revisionUrlTemplate == null
                && thirdPartyConfigurationUrl == null;
    }
}
