package org.nrmreferrals.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A partner is told the kind of a failed delivery, never the exception's text. */
class WebhookFailureKindsTest {
  static java.util.stream.Stream<Arguments> failures() {
    String inside = "10.0.4.17:8443 via proxy.internal after 4,812 ms";
    return java.util.stream.Stream.of(
        Arguments.of(new HttpConnectTimeoutException(inside), "connection timed out"),
        Arguments.of(new HttpTimeoutException(inside), "no response in time"),
        Arguments.of(new SSLHandshakeException(inside), "TLS handshake failed"),
        Arguments.of(new ConnectException(inside), "connection refused"),
        Arguments.of(new IOException(inside), "connection failed"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void namesTheKindOnly(IOException e, String told) {
    assertEquals(told, WebhookDispatcher.failure(e));
  }
}
