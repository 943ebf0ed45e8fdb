package org.nrmreferrals.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The production target policy (no loopback http): literal addresses, so no DNS is needed. */
class WebhookTargetsTest {
  @ParameterizedTest
  @CsvSource({
    "http://93.184.216.34/hook, 'must use https'",
    "ftp://93.184.216.34/hook, 'must use https'",
    "https://127.0.0.1/hook, 'must not point into a private, loopback or link-local network'",
    "https://[::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://10.1.2.3/hook, 'must not point into a private, loopback or link-local network'",
    "https://172.16.0.1/hook, 'must not point into a private, loopback or link-local network'",
    "https://192.168.0.1/hook, 'must not point into a private, loopback or link-local network'",
    "https://169.254.169.254/latest, 'must not point into a private, loopback or link-local network'",
    "https://100.64.0.1/hook, 'must not point into a private, loopback or link-local network'",
    "https://0.0.0.0/hook, 'must not point into a private, loopback or link-local network'",
    "https://224.0.0.1/hook, 'must not point into a private, loopback or link-local network'",
    "https://[fd00::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[fe80::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[::ffff:10.0.0.1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[64:ff9b::a00:1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[64:ff9b::5db8:d822]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[64:ff9b:1::a00:1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[::a00:1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[2002:a00:1::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[2001:0:4136:e378::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[100::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://[2001:db8::1]/hook, 'must not point into a private, loopback or link-local network'",
    "https://user:pass@93.184.216.34/hook, 'must be an absolute https URL without credentials'",
    "/relative/hook, 'must be an absolute https URL without credentials'",
    "'https://exa mple.com/', 'must be an absolute https URL'"
  })
  void refusesInternalOrInsecureTargetsInProduction(String url, String why) {
    assertEquals(why, WebhookTargets.refusal(url, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1::1]/hook"})
  void acceptsPublicHttpsTargets(String url) {
    assertNull(WebhookTargets.refusal(url, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8089/hook", "https://127.0.0.1/hook"})
  void allowsLoopbackOnlyWhenConfiguredForDevAndTest(String url) {
    assertNull(WebhookTargets.refusal(url, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1/hook", "https://192.168.0.1/hook"})
  void refusesPrivateTargetsEvenInDevAndTest(String url) {
    assertEquals(
        "must not point into a private, loopback or link-local network",
        WebhookTargets.refusal(url, true));
  }
}
