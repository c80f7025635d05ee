package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for throttling and the audit log. Behind nginx or Caddy every
 * request's socket address is the proxy's, so {@code X-Forwarded-For} is used, but only when the
 * socket peer is a configured trusted proxy ({@code serve --trusted-proxy}); from anyone else the
 * header is ignored, since a client can write whatever it likes there. The right-most entry not
 * itself a trusted proxy is the one the nearest trusted proxy saw; entries further left are
 * client-supplied.
 */
public final class ClientAddress {
  private final Set<String> trustedProxies;

  public ClientAddress(Collection<String> trustedProxies) {
    this.trustedProxies = trustedProxies.stream().map(ClientAddress::normalise).collect(Collectors.toUnmodifiableSet());
  }

  public static ClientAddress none() {
    return new ClientAddress(List.of());
  }

  /** Checks a configured proxy address: an IPv4 or IPv6 literal, never a host name to look up. */
  public static String requireLiteral(String address) {
    String a = address.strip();
    if (!a.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(a.matches("[0-9A-Fa-f:.]{2,45}") && a.contains(":"))) {
      throw new IllegalArgumentException("a trusted proxy is an IP address such as 127.0.0.1 or ::1, not '" + a + "'");
    }
    try {
      return InetAddress.getByName(a).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("a trusted proxy is an IP address such as 127.0.0.1 or ::1, not '" + a + "'");
    }
  }

  public String of(Context ctx) {
    String peer = normalise(ctx.req().getRemoteAddr());
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> forwarded = ctx.req().getHeaders("X-Forwarded-For") == null ? List.of()
        : java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")).stream()
            .flatMap(h -> java.util.Arrays.stream(h.split(",")))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      String hop = normalise(forwarded.get(i));
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  /** One spelling per address (::1 and 0:0:0:0:0:0:0:1 alike); anything else kept short and plain. */
  static String normalise(String address) {
    if (address == null) {
      return "";
    }
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    // Only literals reach InetAddress (an IPv4 dotted quad, or anything with a colon, which Java
    // parses as IPv6 or refuses): never a name it would look up in DNS.
    if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}") || a.matches("[0-9A-Fa-f:.]{2,45}") && a.contains(":")) {
      try {
        return InetAddress.getByName(a).getHostAddress();
      } catch (UnknownHostException e) {
        // not a literal after all: fall through
      }
    }
    return a.length() > 45 ? a.substring(0, 45) : a.replaceAll("[^0-9A-Za-z:._-]", "?");
  }
}
