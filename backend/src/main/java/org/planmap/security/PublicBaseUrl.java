package org.planmap.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where absolute links (the OGC API's) point. A request's {@code Host} header is the client's word, and a link built
 * from it can send other users elsewhere once a cache keeps the answer ({@code Host: evil.example}). So:
 * <ol>
 * <li>a configured public URL, when there is one, whatever the request says;</li>
 * <li>else the {@code Host} as given when it names {@code localhost}, the address the client actually connected to
 * (both with the port connected to), or an allowed host name (with its port);</li>
 * <li>else the address and port the client connected to: reachable by this client and never attacker-chosen.</li>
 * </ol>
 * Proxy headers ({@code X-Forwarded-*}) are not trusted; behind a proxy, configure the public URL.
 */
public final class PublicBaseUrl {

    /** IPv4 dotted quads and bracketed IPv6: literals {@link InetAddress} parses without a name lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|\\[[0-9a-f:.]+]");

    private final String configured;
    private final List<String> allowedHosts;

    public PublicBaseUrl(URI configured, List<String> allowedHosts) {
        String url = configured == null ? null : configured.toString();
        this.configured = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** {@code scheme://host[:port]} (and the configured path, if any), without a trailing slash. */
    public String of(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return origin(request.getScheme(), host, request.getServerPort());
        }
        if (host.equals("localhost") || sameAddress(host, request.getLocalAddr())) {
            return origin(request.getScheme(), host, request.getLocalPort());
        }
        String local = request.getLocalAddr();
        return origin(request.getScheme(), local.contains(":") ? "[" + local + "]" : local, request.getLocalPort());
    }

    private static String origin(String scheme, String host, int port) {
        boolean defaultPort = port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
        return scheme + "://" + host + (defaultPort || port < 0 ? "" : ":" + port);
    }

    /** Compares literals only: a host name is never looked up (no DNS on a client's say-so). */
    private static boolean sameAddress(String host, String localAddress) {
        if (!IP_LITERAL.matcher(host).matches() || localAddress == null) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", ""))
                    .equals(InetAddress.getByName(localAddress));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
