package io.github.cptestkit.mock.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Encoding;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.schemas.Violation;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What WireMock's request journal holds of a served request, as the {@link BoundedRequestJournal} keeps and shows it.
 *
 * <ul>
 *   <li>Kept: never the live request WireMock's response definition points to (it holds the connection's buffers,
 *       an upload's among them, for as long as the entry stays); never the body of a service whose body the guard
 *       keeps aside (the artifact bucket's uploads and downloads): such a request carries, as headers the guard
 *       added, the size and SHA-256 of the body as it arrived ({@value #BODY_BYTES}, {@value #BODY_SHA256}), and
 *       its answer its own Content-Length (and ETag, for an object).</li>
 *   <li>Shown, unless the mock was told to show the raw traffic: the request and answer bodies as each service
 *       redacts them ({@link MockService#journaledRequestBody}, {@link MockService#journaledResponseBody}: credentials,
 *       client tokens, configuration values), and session tokens in headers and presigned URLs, all as
 *       {@link Violation#REDACTED}.</li>
 * </ul>
 *
 * <pre>{@code
 * JournalView view = new JournalView(services, true);
 * ServeEvent kept = view.kept(event);      // when journaled
 * ServeEvent shown = view.shown(kept);     // when read
 * }</pre>
 */
public final class JournalView {

    /** The header the guard adds to a request whose body it keeps aside: the body's size in bytes, as it arrived. */
    public static final String BODY_BYTES = "X-Cptestkit-Body-Bytes";
    /** The header the guard adds to a request whose body it keeps aside: the SHA-256, in hex, of that body. */
    public static final String BODY_SHA256 = "X-Cptestkit-Body-Sha256";
    /** Headers whose values are secrets (lower case). */
    static final Set<String> SECRET_HEADERS = Set.of("x-amz-security-token");
    private static final Pattern SECRET_QUERY = Pattern.compile("(?i)([?&]X-Amz-Security-Token=)([^&]*)");

    private final Services services;
    private final boolean redacted;

    /**
     * A view of the journal.
     *
     * @param services whose requests are journaled
     * @param redacted whether secrets are hidden when entries are read
     */
    public JournalView(Services services, boolean redacted) {
        this.services = Objects.requireNonNull(services, "services");
        this.redacted = redacted;
    }

    /** The entry as the journal keeps it: without the live request, and without bodies the guard kept aside. */
    public ServeEvent kept(ServeEvent event) {
        MockService service = services.serviceFor(RequestHead.of(event.getRequest()));
        boolean aside = service.requestRules().handover() == RequestRules.Handover.ASIDE;
        // WireMock was given no body of a request kept aside: its logged request has none to drop.
        return copy(event, event.getRequest(), aside ? null : responseBody(event));
    }

    /** The entry as the journal shows it: redacted, unless the raw traffic was asked for. */
    public ServeEvent shown(ServeEvent kept) {
        if (!redacted) {
            return kept;
        }
        LoggedRequest request = kept.getRequest();
        RequestHead head = RequestHead.of(request);
        MockService service = services.serviceFor(head);
        byte[] requestBody = request.getBody();
        byte[] responseBody = responseBody(kept);
        LoggedRequest shown = request(request, requestBody == null || requestBody.length == 0 ? requestBody
                        : service.journaledRequestBody(head, requestBody),
                redactedHeaders(request.getHeaders()), redactedUrl(request.getUrl()),
                redactedUrl(request.getAbsoluteUrl()));
        return copy(kept, shown, responseBody == null || responseBody.length == 0 ? responseBody
                : service.journaledResponseBody(head, responseBody));
    }

    private static byte[] responseBody(ServeEvent event) {
        return event.getResponse() == null ? null : event.getResponse().getBody();
    }

    private static ServeEvent copy(ServeEvent event, LoggedRequest request, byte[] responseBody) {
        ResponseDefinition definition = event.getResponseDefinition();
        ResponseDefinition keptDefinition = null;
        if (definition != null) {
            // like() leaves out the original request; the body is the one the journal shows of the answer.
            ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.like(definition);
            builder.withResponseBody(responseBody == null || !definition.specifiesBodyContent() ? Body.none()
                    : new Body(responseBody));
            keptDefinition = builder.build();
        }
        LoggedResponse response = event.getResponse();
        LoggedResponse keptResponse = response == null ? null : new LoggedResponse(response.getStatus(),
                response.getHeaders(), responseBody == null ? null : Encoding.encodeBase64(responseBody),
                response.getFault(), null);
        // The timing is the same object: WireMock completes it after the answer is sent.
        return new ServeEvent(event.getId(), request, event.getStubMapping(), keptDefinition, keptResponse,
                false, event.getTiming(), event.getSubEvents() == null ? null
                        : new LinkedList<SubEvent>(event.getSubEvents()));
    }

    /** The request with another body, headers and URLs (through WireMock's own JSON form, which it reads back). */
    private static LoggedRequest request(LoggedRequest request, byte[] body, HttpHeaders headers, String url,
            String absoluteUrl) {
        ObjectNode json = Json.getObjectMapper().valueToTree(request);
        json.remove("body");
        json.remove("bodyAsBase64");
        json.remove("queryParams"); // Jackson would write it back over the one the URL gives
        if (body != null) {
            json.put("bodyAsBase64", Encoding.encodeBase64(body));
        }
        json.set("headers", Json.getObjectMapper().valueToTree(headers));
        json.put("url", url);
        json.put("absoluteUrl", absoluteUrl);
        try {
            return Json.getObjectMapper().treeToValue(json, LoggedRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("WireMock could not read back its own journal entry", e);
        }
    }

    private static HttpHeaders redactedHeaders(HttpHeaders headers) {
        if (headers == null) {
            return null;
        }
        List<HttpHeader> shown = new ArrayList<>();
        for (HttpHeader header : headers.all()) {
            shown.add(SECRET_HEADERS.contains(header.key().toLowerCase(Locale.ROOT))
                    ? new HttpHeader(header.key(), Violation.REDACTED) : header);
        }
        return new HttpHeaders(shown);
    }

    private static String redactedUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = SECRET_QUERY.matcher(url);
        return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + Encoding.urlEncode(Violation.REDACTED))) : url;
    }
}
