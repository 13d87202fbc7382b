package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.common.InputStreamSource;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestHandler;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cptestkit.mock.internal.body.StreamedBody;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers' bodies that are {@linkplain Answer#streamed streamed} (downloads), on their way from a route to the
 * connection: WireMock's response definitions hold bodies in memory, so the {@link StubDispatcher} files such a body
 * here under its serve event and answers with its headers alone; as a WireMock response transformer, this gives
 * WireMock's response the body as a stream source, which WireMock's servlet copies to the connection as it reads.
 *
 * <p>WireMock's request journal copies every answer's body ({@code readAllBytes}, or {@code readNBytes} under
 * {@code maxLoggedResponseSize}) before it is sent: a streamed body gives it none, so the journal keeps a download's
 * size (its Content-Length) and never its bytes, as {@link JournalView} says.
 *
 * <p>WireMock's admin API renders its answers without response transformers: a service that answers there (the
 * mock's admin API) holds its body here just the same, and the admin API's request handler, wrapped by
 * {@link #sendingHeldBodies}, gives each answer its held body as it sends it.
 *
 * <pre>{@code
 * bodies.hold(serveEvent.getId(), answer.stream()); // by the dispatcher, or an admin route
 * // then WireMock renders the answer and calls transform(response, serveEvent)
 * }</pre>
 */
public final class StreamedBodies implements ResponseTransformerV2 {

    private final Map<UUID, StreamedBody> byServeEvent = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "codepipeline-testkit-streamed-bodies";
    }

    /** Every answer is looked at: only those of a serve event with a body held change. */
    @Override
    public boolean applyGlobally() {
        return true;
    }

    /**
     * Holds the body of the answer to a serve event until WireMock renders that answer (sends it, for the admin API):
     * the answer's own body is left empty, and its headers give the Content-Length.
     */
    public void hold(UUID serveEvent, StreamedBody body) {
        byServeEvent.put(serveEvent, body);
    }

    /**
     * WireMock's admin API's request handler, whose answers are sent with the bodies held for their serve events:
     * WireMock hands the sender the serve event of the answer it sends.
     */
    RequestHandler sendingHeldBodies(RequestHandler admin) {
        return (request, responder, original) -> admin.handle(request, (sent, response, attributes) -> {
            Object event = attributes.get(ServeEvent.ORIGINAL_SERVE_EVENT_KEY);
            responder.respond(sent, event instanceof ServeEvent served ? transform(response, served) : response,
                    attributes);
        }, original);
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        StreamedBody body = byServeEvent.remove(serveEvent.getId());
        if (body == null) {
            return response;
        }
        return Response.Builder.like(response).body(source(body)).build();
    }

    /** The body as WireMock reads it: each stream sends its bytes, but gives none to a copy of them all. */
    static InputStreamSource source(StreamedBody body) {
        return () -> new SentNotCopied(body.open());
    }

    /** A stream that is read to be sent ({@code read}, {@code transferTo}), never copied whole into the heap. */
    private static final class SentNotCopied extends FilterInputStream {
        SentNotCopied(InputStream in) {
            super(in);
        }

        @Override
        public byte[] readAllBytes() {
            return new byte[0];
        }

        @Override
        public byte[] readNBytes(int length) {
            return new byte[0];
        }
    }
}
