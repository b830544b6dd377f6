package org.sundwerk.ngsild.jsonld;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards outgoing requests against server-side request forgery: a URL may only be fetched when it
 * is http(s) and every address its host resolves to is public, unless the host or address is on the
 * allow-list. Blocked are loopback, any-local ({@code 0.0.0.0/8}, {@code ::}), private ({@code
 * 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}), link-local ({@code 169.254/16},
 * {@code fe80::/10}), multicast and carrier-grade NAT ({@code 100.64/10}) addresses.
 *
 * <p>The check resolves the host itself; the HTTP client resolves it again when it connects, so a
 * DNS answer that changes in between (DNS rebinding) is not caught. Thread-safe and immutable.
 */
public final class UrlGuard {

  /** The outcome of {@link #check}. */
  public sealed interface Verdict {
    /** The URL may be fetched; {@code addresses} are what its host resolved to. */
    record Allowed(List<InetAddress> addresses) implements Verdict {}

    /** The URL must not be fetched, for the stated reason. */
    record Denied(String reason) implements Verdict {}
  }

  private static final List<Cidr> BLOCKED =
      List.of(
          Cidr.parse("0.0.0.0/8"),
          Cidr.parse("10.0.0.0/8"),
          Cidr.parse("100.64.0.0/10"),
          Cidr.parse("127.0.0.0/8"),
          Cidr.parse("169.254.0.0/16"),
          Cidr.parse("172.16.0.0/12"),
          Cidr.parse("192.168.0.0/16"),
          Cidr.parse("224.0.0.0/4"),
          Cidr.parse("::/128"),
          Cidr.parse("::1/128"),
          Cidr.parse("fc00::/7"),
          Cidr.parse("fe80::/10"),
          Cidr.parse("ff00::/8"));

  private final Set<String> allowedHosts;
  private final List<Cidr> allowedNetworks;
  private final boolean allowPrivateNetworks;

  /**
   * @param allowList host names (exact, case-insensitive), IP literals and CIDR blocks that are
   *     admitted even when they resolve to blocked addresses
   * @param allowPrivateNetworks admit every address (closed test networks only)
   */
  public UrlGuard(List<String> allowList, boolean allowPrivateNetworks) {
    this.allowedHosts =
        allowList.stream()
            .filter(entry -> !entry.contains("/"))
            .map(UrlGuard::normaliseHost)
            .collect(Collectors.toUnmodifiableSet());
    List<Cidr> networks = new ArrayList<>();
    for (String entry : allowList) {
      if (entry.contains("/")) {
        networks.add(Cidr.parse(entry));
      } else if (isIpLiteral(entry)) {
        networks.add(Cidr.parse(entry + (entry.contains(":") ? "/128" : "/32")));
      }
    }
    this.allowedNetworks = List.copyOf(networks);
    this.allowPrivateNetworks = allowPrivateNetworks;
  }

  /** Checks the URL, resolving its host; never throws. */
  public Verdict check(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Verdict.Denied("only http and https URLs may be fetched: " + url);
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return new Verdict.Denied("the URL has no host: " + url);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return new Verdict.Denied("unknown host " + host);
    }
    List<InetAddress> resolved = List.of(addresses);
    if (allowPrivateNetworks || allowedHosts.contains(normaliseHost(host))) {
      return new Verdict.Allowed(resolved);
    }
    for (InetAddress address : resolved) {
      if (isBlocked(address) && allowedNetworks.stream().noneMatch(c -> c.contains(address))) {
        return new Verdict.Denied(
            "host "
                + host
                + " resolves to the internal address "
                + address.getHostAddress()
                + ", which is not on the allow-list");
      }
    }
    return new Verdict.Allowed(resolved);
  }

  static boolean isBlocked(InetAddress address) {
    return address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()
        || BLOCKED.stream().anyMatch(c -> c.contains(address));
  }

  private static String normaliseHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  private static boolean isIpLiteral(String entry) {
    return entry.contains(":") || entry.matches("[0-9.]+");
  }

  /** An address block; only IP literals are parsed, never host names, so no DNS look-up happens. */
  record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      if (!isIpLiteral(address)) {
        throw new IllegalArgumentException("not an IP address block: " + text);
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(normaliseHost(address)).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address block: " + text, e);
      }
      int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + text);
      }
      return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int fullBytes = prefixLength / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int restBits = prefixLength % 8;
      if (restBits == 0) {
        return true;
      }
      int mask = (0xFF << (8 - restBits)) & 0xFF;
      return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }
}
