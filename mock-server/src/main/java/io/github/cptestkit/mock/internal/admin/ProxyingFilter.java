package io.github.cptestkit.mock.internal.admin;

import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.ImportStubMappingsTask;
import com.github.tomakehurst.wiremock.admin.StartRecordingTask;
import com.github.tomakehurst.wiremock.admin.tasks.CreateStubMappingTask;
import com.github.tomakehurst.wiremock.admin.tasks.EditStubMappingTask;
import com.github.tomakehurst.wiremock.admin.tasks.OldEditStubMappingTask;
import com.github.tomakehurst.wiremock.admin.tasks.SnapshotTask;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubImport;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.schemas.AwsError;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses, over WireMock's HTTP admin API, what would make the mock send requests of its own to another server:
 * stubs that proxy ({@code proxyBaseUrl}) or call a webhook, created, edited or imported, and recordings (start,
 * snapshot). Whoever reaches the admin API could otherwise read any HTTP service the mock's machine reaches. A 403
 * {@code AccessDeniedException} in the admin API's shape names the way to allow them ({@code --allow-proxy}, the
 * builder's {@code allowProxy(true)}), which leaves this filter out.
 *
 * <p>Only HTTP requests meet it: stubs added in Java through {@code mock.wireMock()} (proxies and recordings
 * included) never do. Each request is routed by WireMock's own admin routes and its body read by WireMock's own
 * JSON reader, so what this filter reads is what WireMock would do.
 *
 * <pre>{@code options.extensions(new ProxyingFilter());}</pre>
 */
public final class ProxyingFilter implements AdminRequestFilterV2 {

    /** WireMock's own admin routes, to find the task a request is for exactly as WireMock does. */
    private static final com.github.tomakehurst.wiremock.admin.AdminRoutes WIREMOCK_ROUTES =
            com.github.tomakehurst.wiremock.admin.AdminRoutes.forClient();
    static final String ADMIN_ROOT = "/__admin";
    private static final String WEBHOOK = "webhook";

    @Override
    public String getName() {
        return "codepipeline-testkit-proxying-filter";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        return refusal(request).map(why -> RequestFilterAction.stopWith(AdminRoutes.error(403,
                        AwsError.ACCESS_DENIED.type(), why + ": a web page or anyone else who reaches the admin API"
                                + " could read through the mock any HTTP service its machine reaches. Start the mock with"
                                + " --allow-proxy (the builder's allowProxy(true)) to allow them, or stub through"
                                + " mock.wireMock() in Java")))
                .orElseGet(() -> RequestFilterAction.continueWith(request));
    }

    /** The WireMock admin task a request is for, found by WireMock's own routes; null for none. */
    static AdminTask taskFor(Request request) {
        // The path as WireMock's AdminRequestHandler routes it.
        String path = Urls.getPath(request.getUrl().replace(ADMIN_ROOT, ""));
        return WIREMOCK_ROUTES.taskFor(request.getMethod(), path);
    }

    /** Why WireMock's admin API must not take this request, or empty. */
    static Optional<String> refusal(Request request) {
        AdminTask task = taskFor(request);
        if (task instanceof StartRecordingTask) {
            return Optional.of("Recording (POST " + ADMIN_ROOT + "/recordings/start) is off");
        }
        if (task instanceof SnapshotTask) {
            return Optional.of("Recording snapshots (POST " + ADMIN_ROOT + "/recordings/snapshot) are off");
        }
        List<StubMapping> stubs;
        try {
            if (task instanceof CreateStubMappingTask || task instanceof EditStubMappingTask
                    || task instanceof OldEditStubMappingTask) {
                stubs = List.of(StubMapping.buildFrom(request.getBodyAsString()));
            } else if (task instanceof ImportStubMappingsTask) {
                StubImport stubImport = Json.read(request.getBodyAsString(), StubImport.class);
                stubs = stubImport.getMappings() == null ? List.of() : stubImport.getMappings();
            } else {
                return Optional.empty();
            }
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // WireMock refuses it with the same reader
        }
        return stubs.stream().map(ProxyingFilter::outbound).flatMap(Optional::stream).findFirst();
    }

    /** What a stub would send elsewhere, or empty. */
    private static Optional<String> outbound(StubMapping stub) {
        if (stub == null) {
            return Optional.empty();
        }
        if (stub.getResponse() != null && stub.getResponse().isProxyResponse()) {
            return Optional.of("Proxy stubs (a response with proxyBaseUrl, here "
                    + stub.getResponse().getProxyBaseUrl() + ") are off");
        }
        boolean webhook = Stream.concat(
                        Optional.ofNullable(stub.getServeEventListeners()).orElse(List.of()).stream()
                                .map(listener -> listener.getName()),
                        Optional.ofNullable(stub.getPostServeActions()).orElse(List.of()).stream()
                                .map(action -> action.getName()))
                .anyMatch(WEBHOOK::equalsIgnoreCase);
        return webhook ? Optional.of("Webhooks (a stub whose serve event listener is a webhook) are off")
                : Optional.empty();
    }
}
