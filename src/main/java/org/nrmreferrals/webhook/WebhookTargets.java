package org.nrmreferrals.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may target: https only, and never an address inside the service's own
 * network (loopback, link-local, private, carrier-grade NAT, unique-local, multicast), so that a
 * subscription cannot be used to reach internal systems. Dev and test may allow http loopback.
 */
final class WebhookTargets {
  private WebhookTargets() {}

  /** Null when the URL may be targeted, otherwise why not. */
  static String refusal(String url, boolean allowLoopbackHttp) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "must be an absolute https URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return "must be an absolute https URL without credentials";
    }
    if (!scheme.equals("https") && !(allowLoopbackHttp && scheme.equals("http"))) {
      return "must use https";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return "its host cannot be resolved";
    }
    for (InetAddress address : addresses) {
      boolean loopback = address.isLoopbackAddress();
      if (loopback && allowLoopbackHttp) {
        continue;
      }
      if (loopback || isInternal(address)) {
        return "must not point into a private, loopback or link-local network";
      }
    }
    if (scheme.equals("http") && !allLoopback(addresses)) {
      return "must use https";
    }
    return null;
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
      return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
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
