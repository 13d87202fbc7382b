package io.github.cptestkit.mock.internal.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which web pages may reach the mock, decided from two headers of every request before anything else reads it.
 *
 * <ul>
 *   <li>{@code Host}: a name the mock answers to. Always the loopback names and addresses ({@code localhost} and
 *       {@code *.localhost}, 127.0.0.0/8, {@code [::1]}, any port); bound beyond loopback, also any IP address; and
 *       the names allowed ({@code --allow-host}). Any other name is a page whose own name was made to resolve to
 *       this machine (DNS rebinding), which the browser would treat as the mock's own origin. A request without a
 *       Host (HTTP/1.0) passes.</li>
 *   <li>{@code Origin}: absent (curl, the SDKs, the CLI send none), the mock's own origin (the scheme and the Host
 *       of the request: a page the mock serves itself, such as WireMock's recorder), or an origin allowed
 *       ({@code --allow-origin}). Anything else, {@code null} (sandboxed frames, {@code file:} pages) and several
 *       origins included, is a page of someone else's.</li>
 * </ul>
 *
 * <pre>{@code
 * OriginPolicy policy = OriginPolicy.of("127.0.0.1", List.of("http://localhost:3000"), List.of());
 * policy.refusal("http", "localhost:8080", List.of());                          // empty: curl, an SDK
 * policy.refusal("http", "localhost:8080", List.of("http://localhost:3000"));   // empty: an allowed page
 * policy.refusal("http", "localhost:8080", List.of("http://evil.example"));     // the refusal's message
 * policy.refusal("http", "evil.example:8080", List.of());                       // refused: DNS rebinding
 * }</pre>
 */
public final class OriginPolicy {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final String LOOPBACK_NAMES = "localhost, *.localhost, 127.0.0.0/8 and [::1]";

    private final Set<String> allowedOrigins;
    private final Set<String> allowedHosts;
    private final boolean beyondLoopback;
    private final String bindAddress;
    /**
     * Host headers already found to be names this mock answers to (at most {@value #KNOWN_HOSTS}): a client sends the
     * same one on every call, and parsing it is most of this check's cost.
     */
    private final Set<String> knownHosts = ConcurrentHashMap.newKeySet();
    private static final int KNOWN_HOSTS = 64;

    private OriginPolicy(String bindAddress, Set<String> allowedOrigins, Set<String> allowedHosts) {
        this.bindAddress = bindAddress;
        this.beyondLoopback = !isLoopback(bindAddress);
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /**
     * The policy of a mock bound to {@code bindAddress} with these origins and host names allowed, both as
     * {@link #origin(String)} and {@link #hostName(String)} take them (an invalid one is an
     * {@link IllegalArgumentException} naming it).
     */
    public static OriginPolicy of(String bindAddress, Collection<String> allowedOrigins,
            Collection<String> allowedHosts) {
        Set<String> origins = new LinkedHashSet<>();
        allowedOrigins.forEach(origin -> origins.add(origin(origin)));
        Set<String> hosts = new LinkedHashSet<>();
        allowedHosts.forEach(host -> hosts.add(hostName(host)));
        return new OriginPolicy(bindAddress, origins, hosts);
    }

    /** The allowed origins, as browsers send them ({@code http://localhost:3000}), for the CORS answers. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /**
     * An allowed origin in the form browsers send it: {@code scheme://host[:port]}, http or https, lower case, the
     * default port left out. Anything else is an {@link IllegalArgumentException} that says why: a path, {@code *}
     * (any page at all) and {@code null} (any sandboxed frame or {@code file:} page) are refused.
     */
    public static String origin(String origin) {
        String problem = "an origin is scheme://host[:port], such as http://localhost:3000";
        if (origin == null || origin.isBlank()) {
            throw invalidOrigin(origin, problem);
        }
        String text = origin.trim();
        if (text.equals("*") || text.equalsIgnoreCase("null")) {
            throw invalidOrigin(origin, "'" + text + "' would let any web page (" + (text.equals("*")
                    ? "every site" : "any sandboxed frame or file: page") + ") read and drive the mock; name the"
                    + " origin of your own page, such as http://localhost:3000");
        }
        return parseOrigin(text).orElseThrow(() -> invalidOrigin(origin, problem));
    }

    /**
     * An allowed host name in lower case, without a trailing dot: a DNS name ({@code mock}, {@code mock.internal});
     * any port is allowed with it, so it takes none. Anything else is an {@link IllegalArgumentException}.
     */
    public static String hostName(String host) {
        String name = host == null ? "" : withoutTrailingDot(host.trim().toLowerCase(Locale.ROOT));
        if (name.contains("://")) {
            throw new IllegalArgumentException("an allowed host must be a host name, not a URL, but was '" + host
                    + "'; give only the name, such as mock");
        }
        if (name.contains(":") && !name.startsWith("[")) {
            throw new IllegalArgumentException("an allowed host must be a host name without a port (any port is"
                    + " allowed), but was '" + host + "'; give '" + name.substring(0, name.indexOf(':')) + "'");
        }
        if (!HOST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an allowed host must be a DNS name such as mock or mock.internal"
                    + " (IP addresses need none), but was '" + host + "'");
        }
        return name;
    }

    /**
     * Why a request with this scheme ({@code http} or {@code https}), {@code Host} header ({@code null} when
     * absent) and {@code Origin} headers is refused, or empty when it may go on.
     */
    public Optional<String> refusal(String scheme, String host, List<String> origins) {
        boolean noOrigin = origins == null || origins.isEmpty();
        if (noOrigin && host != null && knownHosts.contains(host)) {
            return Optional.empty();
        }
        Optional<Authority> authority = Optional.empty();
        if (host != null) {
            authority = Authority.parse(host);
            if (authority.isEmpty() || !answersTo(authority.get().host())) {
                return Optional.of("Host '" + host + "' is not a name this mock answers to: " + answersTo()
                        + ", so that a web page whose own name is made to resolve to this machine (DNS rebinding)"
                        + " cannot drive it. A name of yours that points here can be allowed with --allow-host"
                        + " NAME (the builder's allowHost)");
            }
        }
        if (noOrigin) {
            if (host != null && knownHosts.size() < KNOWN_HOSTS) {
                knownHosts.add(host);
            }
            return Optional.empty();
        }
        if (origins.size() > 1) {
            return Optional.of("a request must carry one Origin, but this one has " + origins.size()
                    + " Origin headers");
        }
        String sent = origins.get(0).trim();
        if (sent.equalsIgnoreCase("null")) {
            return Optional.of("Origin 'null' (a sandboxed frame, a file: page, a redirected request) may not call"
                    + " this mock, and cannot be allowed: serve your page over http from an origin given with"
                    + " --allow-origin (the builder's allowOrigin)");
        }
        Optional<String> origin = parseOrigin(sent);
        if (origin.isPresent() && (allowedOrigins.contains(origin.get())
                || authority.map(own -> own.origin(scheme)).equals(origin))) {
            return Optional.empty();
        }
        return Optional.of("Origin '" + sent + "' may not call this mock: a web page from another origin must not"
                + " read or drive it (its admin API, WireMock's journal, the jobs' credentials). To drive the mock"
                + " from a page of yours, start it with --allow-origin " + origin.orElse("ORIGIN")
                + " (the builder's allowOrigin)");
    }

    /** Whether a request naming this host (lower case, IPv6 in brackets) is for this mock. */
    private boolean answersTo(String host) {
        return isLoopbackName(host) || beyondLoopback && isIpAddress(host) || allowedHosts.contains(host);
    }

    private String answersTo() {
        String allowed = allowedHosts.isEmpty() ? "" : ", " + String.join(", ", allowedHosts);
        return beyondLoopback
                ? "listening on " + bindAddress + ", it answers to IP addresses, " + LOOPBACK_NAMES + allowed
                        + " (any port)"
                : "listening on loopback, it answers to " + LOOPBACK_NAMES + allowed + " (any port)";
    }

    static boolean isLoopbackName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        return ipAddress(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    static boolean isIpAddress(String host) {
        return ipAddress(host).isPresent();
    }

    /** The address a literal names, without any name lookup; empty for a name. */
    private static Optional<InetAddress> ipAddress(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]") && IPV6.matcher(host.substring(1, host.length() - 1))
                .matches();
        if (!v6 && !IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host)); // a literal: never a lookup
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }

    /** Whether an address (or host name) is this machine's loopback; an unknown name is not. */
    public static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    /** An origin as browsers serialise it, or empty when the text is none. */
    private static Optional<String> parseOrigin(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            return Optional.empty();
        }
        return Optional.of(new Authority(withoutTrailingDot(uri.getHost().toLowerCase(Locale.ROOT)), uri.getPort())
                .origin(scheme));
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private static IllegalArgumentException invalidOrigin(String origin, String why) {
        return new IllegalArgumentException("an allowed origin must be the origin of a web page, but was '" + origin
                + "': " + why);
    }

    /** A Host header's name (lower case, IPv6 in brackets, no trailing dot) and port (-1 when it has none). */
    private record Authority(String host, int port) {

        static Optional<Authority> parse(String header) {
            String text = header.trim().toLowerCase(Locale.ROOT);
            String host = text;
            String port = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    return Optional.empty();
                }
                host = text.substring(0, close + 1);
                String rest = text.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        return Optional.empty();
                    }
                    port = rest.substring(1);
                }
            } else {
                int colon = text.indexOf(':');
                if (colon >= 0) {
                    host = text.substring(0, colon);
                    port = text.substring(colon + 1);
                }
                host = withoutTrailingDot(host);
                if (!HOST_NAME.matcher(host).matches()) {
                    return Optional.empty();
                }
            }
            if (port != null && !PORT.matcher(port).matches()) {
                return Optional.empty();
            }
            return Optional.of(new Authority(host, port == null ? -1 : Integer.parseInt(port)));
        }

        /** The origin of a page served from here with this scheme, the scheme's default port left out. */
        String origin(String scheme) {
            String lower = scheme.toLowerCase(Locale.ROOT);
            int defaultPort = lower.equals("https") ? 443 : 80;
            return lower + "://" + host + (port < 0 || port == defaultPort ? "" : ":" + port);
        }
    }
}
