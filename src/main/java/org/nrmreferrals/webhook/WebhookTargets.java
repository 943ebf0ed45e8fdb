package org.nrmreferrals.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a webhook may target: https only, and never an address inside the service's own
 * network (loopback, link-local, private, carrier-grade NAT, unique-local, multicast), so that a
 * subscription cannot be used to reach internal systems, nor an IPv6 address that carries an IPv4
 * one (NAT64, 6to4, Teredo, IPv4-compatible). Dev and test may allow http loopback.
 */
final class WebhookTargets {
  private WebhookTargets() {}

  /** Resolves a host name to its addresses (the system's resolver, or a test's). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * A URL checked for delivery: its addresses as resolved once, every one of them allowed. The
   * delivery connects to these and resolves nothing again, so a name that resolves elsewhere later
   * (DNS rebinding) cannot lead it into the service's network. Null addresses with a refusal.
   */
  record Checked(URI uri, List<InetAddress> addresses, String refusal) {
    static Checked refused(String why) {
      return new Checked(null, List.of(), why);
    }
  }

  /**
   * Null when the URL may be targeted, otherwise why not (resolving with the system's resolver).
   */
  static String refusal(String url, boolean allowLoopbackHttp) {
    return check(url, allowLoopbackHttp, InetAddress::getAllByName).refusal();
  }

  /** The URL and the addresses a delivery may connect to, or why it may not be targeted. */
  static Checked check(String url, boolean allowLoopbackHttp, Resolver resolver) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Checked.refused("must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return Checked.refused("must be an absolute https URL without credentials");
    }
    if (!scheme.equals("https") && !(allowLoopbackHttp && scheme.equals("http"))) {
      return Checked.refused("must use https");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(uri.getHost());
    } catch (UnknownHostException e) {
      return Checked.refused("its host cannot be resolved");
    }
    if (addresses.length == 0) {
      return Checked.refused("its host cannot be resolved");
    }
    for (InetAddress address : addresses) {
      boolean loopback = address.isLoopbackAddress();
      if (loopback && allowLoopbackHttp) {
        continue;
      }
      if (loopback || isInternal(address)) {
        return Checked.refused("must not point into a private, loopback or link-local network");
      }
    }
    if (scheme.equals("http") && !allLoopback(addresses)) {
      return Checked.refused("must use https");
    }
    return new Checked(uri, List.of(addresses), null);
  }

  static boolean isInternal(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()
        || a.isLoopbackAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
          || embedsIpv4(b)
          || startsWith(b, 0x01, 0x00, 0, 0, 0, 0, 0, 0) // discard-only 100::/64
          || startsWith(b, 0x20, 0x01, 0x0d, 0xb8); // documentation 2001:db8::/32
    }
    return true;
  }

  /**
   * Addresses that carry an IPv4 address, which a translator or tunnel on the way may deliver to
   * (an internal one included): IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96} and
   * {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} and Teredo {@code 2001::/32} (IANA IPv6
   * special-purpose registry). None is a webhook receiver's address; all are refused.
   */
  private static boolean embedsIpv4(byte[] b) {
    return startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        || startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)
        || startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)
        || startsWith(b, 0x20, 0x02)
        || startsWith(b, 0x20, 0x01, 0x00, 0x00);
  }

  private static boolean startsWith(byte[] address, int... prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if ((address[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean allLoopback(InetAddress[] addresses) {
    for (InetAddress a : addresses) {
      if (!a.isLoopbackAddress()) {
        return false;
      }
    }
    return true;
  }
}
