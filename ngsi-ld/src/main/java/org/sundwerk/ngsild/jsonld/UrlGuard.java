package org.sundwerk.ngsild.jsonld;

import java.net.Inet6Address;
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
 * {@code fe80::/10}), multicast and carrier-grade NAT ({@code 100.64/10}) addresses, the reserved
 * {@code 192.0.0/24}, {@code 198.18/15} and {@code 240/4}, the deprecated IPv4-compatible {@code
 * ::/96}, the local-use NAT64 {@code 64:ff9b:1::/48} and the discard {@code 100::/64}. An IPv6
 * address that embeds an IPv4 address (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-translated {@code
 * ::ffff:0:0:0/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}
 * with its server and its obfuscated client address) is blocked when the embedded address is:
 * {@code http://[::127.0.0.1]/} passed the guard before and stalled the request until the connect
 * timed out. The allow-list admits such an address only by its IPv6 form.
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
          Cidr.parse("192.0.0.0/24"),
          Cidr.parse("198.18.0.0/15"),
          Cidr.parse("224.0.0.0/4"),
          Cidr.parse("240.0.0.0/4"),
          Cidr.parse("::/96"),
          Cidr.parse("64:ff9b:1::/48"),
          Cidr.parse("100::/64"),
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
    return isBlockedItself(address)
        || embeddedIpv4(address).stream().anyMatch(UrlGuard::isBlockedItself);
  }

  private static boolean isBlockedItself(InetAddress address) {
    return address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()
        || BLOCKED.stream().anyMatch(c -> c.contains(address));
  }

  private static final Cidr TRANSLATED = Cidr.parse("::ffff:0:0:0/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
  private static final Cidr TEREDO = Cidr.parse("2001::/32");

  /**
   * The IPv4 addresses an IPv6 address carries by one of the transition mechanisms, if any. The
   * IPv4-mapped {@code ::ffff:a.b.c.d} needs no case: {@link InetAddress} turns it into the IPv4
   * address itself, from a literal and from DNS alike.
   */
  static List<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return List.of();
    }
    byte[] bytes = address.getAddress();
    if (TRANSLATED.contains(address) || NAT64.contains(address)) {
      return List.of(ipv4(bytes, 12, 0));
    }
    if (SIX_TO_FOUR.contains(address)) {
      return List.of(ipv4(bytes, 2, 0));
    }
    if (TEREDO.contains(address)) {
      return List.of(ipv4(bytes, 4, 0), ipv4(bytes, 12, 0xFF));
    }
    return List.of();
  }

  /** Four bytes from {@code offset}, each XOR {@code mask} (Teredo obfuscates its client). */
  private static InetAddress ipv4(byte[] bytes, int offset, int mask) {
    byte[] four = new byte[4];
    for (int i = 0; i < 4; i++) {
      four[i] = (byte) (bytes[offset + i] ^ mask);
    }
    try {
      return InetAddress.getByAddress(four);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
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
