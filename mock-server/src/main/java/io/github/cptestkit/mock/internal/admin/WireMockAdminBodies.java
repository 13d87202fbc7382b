package io.github.cptestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.ImportStubMappingsTask;
import com.github.tomakehurst.wiremock.admin.PatchExtendedSettingsTask;
import com.github.tomakehurst.wiremock.admin.model.ExtendedSettingsWrapper;
import com.github.tomakehurst.wiremock.admin.tasks.FindNearMissesForRequestTask;
import com.github.tomakehurst.wiremock.admin.tasks.GlobalSettingsUpdateTask;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubImport;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.schemas.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * WireMock's HTTP admin API meets, before WireMock reads it, the bodies it reads without complaint and then fails on
 * with an exception (which the mock would answer 500 InternalFailure): such a body is refused with a 400
 * {@code ValidationException} in the admin API's shape naming the missing field, or completed with what WireMock
 * takes as absent anyway. A body WireMock itself refuses (not JSON, the wrong shape) is left to WireMock, which
 * answers 4xx in its own shape.
 *
 * <ul>
 *   <li>a {@code POST}, {@code PUT} or {@code PATCH} whose body is JSON {@code null} (a stub, a request pattern, ...
 *       read as none): 400;</li>
 *   <li>{@code POST /__admin/mappings/import} without {@code mappings}, or with a {@code null} among them: 400;</li>
 *   <li>{@code POST /__admin/near-misses/request} whose request lacks its {@code url} or {@code method}: 400; without
 *       {@code headers}: given none (the mock's request matchers read headers, WireMock leaves them null);</li>
 *   <li>{@code PATCH /__admin/settings/extended} without {@code extended}: 400; {@code PUT} or {@code POST
 *       /__admin/settings} without {@code extended}: given an empty one, so that a later patch has one to merge
 *       into (the mock starts with an empty one too).</li>
 * </ul>
 *
 * <pre>{@code options.extensions(new WireMockAdminBodies());}</pre>
 */
public final class WireMockAdminBodies implements AdminRequestFilterV2 {

    @Override
    public String getName() {
        return "codepipeline-testkit-wiremock-admin-bodies";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        AdminTask task = ProxyingFilter.taskFor(request);
        return refusal(task, request).map(why -> RequestFilterAction.stopWith(AdminRoutes.error(400,
                        AwsError.VALIDATION.type(), why)))
                .orElseGet(() -> RequestFilterAction.continueWith(completed(task, request)));
    }

    /** Why WireMock would fail on this request's body, or empty. */
    static Optional<String> refusal(AdminTask task, Request request) {
        try {
            if (isJsonNull(request)) {
                String path = Urls.getPath(request.getUrl()); // WireMock's admin filters see it without /__admin
                return Optional.of(request.getMethod() + " " + (path.startsWith(ProxyingFilter.ADMIN_ROOT) ? ""
                        : ProxyingFilter.ADMIN_ROOT) + path
                        + ": the body is JSON"
                        + " null; send the JSON object this route takes (WireMock's admin API documents each)");
            }
            if (task instanceof ImportStubMappingsTask) {
                StubImport stubImport = Json.read(request.getBodyAsString(), StubImport.class);
                List<StubMapping> mappings = stubImport == null ? null : stubImport.getMappings();
                if (mappings == null) {
                    return Optional.of("POST /__admin/mappings/import needs field 'mappings', the list of stubs to"
                            + " import, but the body has none; send {\"mappings\": [ ...stubs... ]}");
                }
                if (mappings.contains(null)) {
                    return Optional.of("POST /__admin/mappings/import: field 'mappings' holds null at index "
                            + mappings.indexOf(null) + "; every element must be a stub mapping");
                }
            } else if (task instanceof FindNearMissesForRequestTask) {
                LoggedRequest logged = Json.read(request.getBodyAsString(), LoggedRequest.class);
                if (logged == null || logged.getUrl() == null || logged.getMethod() == null) {
                    return Optional.of("POST /__admin/near-misses/request needs fields 'url' and 'method' of the"
                            + " request to match, but " + (logged == null ? "the body is null" : "'"
                            + (logged.getUrl() == null ? "url" : "method") + "' is missing")
                            + "; send {\"url\": \"/path\", \"method\": \"GET\"}");
                }
            } else if (task instanceof PatchExtendedSettingsTask) {
                ExtendedSettingsWrapper patch = Json.read(request.getBodyAsString(), ExtendedSettingsWrapper.class);
                if (patch == null || patch.getExtended() == null) {
                    return Optional.of("PATCH /__admin/settings/extended needs field 'extended', the settings to"
                            + " merge, but the body has none; send {\"extended\": {\"name\": \"value\"}}");
                }
            }
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // WireMock refuses it with the same reader, in its own shape
        }
        return Optional.empty();
    }

    /** A body of {@code null}, which WireMock's reader gives as no object at all to its tasks. */
    private static boolean isJsonNull(Request request) {
        String method = request.getMethod().getName();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return false;
        }
        byte[] body = request.getBody();
        return body != null && body.length < 64 && new String(body, StandardCharsets.UTF_8).trim().equals("null");
    }

    /** The request with what WireMock takes as absent made explicit, where the mock needs it. */
    static Request completed(AdminTask task, Request request) {
        String field = task instanceof FindNearMissesForRequestTask ? "headers"
                : task instanceof GlobalSettingsUpdateTask ? "extended" : null;
        if (field == null) {
            return request;
        }
        JsonNode tree;
        try {
            tree = Json.read(request.getBodyAsString(), JsonNode.class);
        } catch (RuntimeException unreadable) {
            return request; // WireMock refuses it
        }
        if (!(tree instanceof ObjectNode object) || object.hasNonNull(field)) {
            return request;
        }
        object.putObject(field);
        byte[] body = object.toString().getBytes(StandardCharsets.UTF_8);
        return RequestWrapper.create().transformBody(sent -> Body.fromJsonBytes(body)).wrap(request);
    }
}
