package org.nrmreferrals.webhook;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * POSTs a webhook to exactly the addresses its URL was checked with ({@link
 * WebhookTargets.Checked}) and resolves nothing again, while the URL's host still names the Host
 * header, the TLS server name (SNI) and the name the certificate must carry. Vert.x's client
 * connects to the server address a request names "without name resolution"
 * (RequestOptions.setServer); the JDK 17 client cannot pin an address and still check the
 * certificate against the host name. Redirects are not followed. Blocking: called from the
 * dispatcher's sender threads, never from an event loop.
 */
final class WebhookPoster implements AutoCloseable {
  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  WebhookPoster(Vertx vertx, Duration connectTimeout, Duration readTimeout, int concurrency) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setSslHandshakeTimeout(connectTimeout.toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false)
                .setMaxPoolSize(concurrency));
  }

  /**
   * The receiver's status code; an IOException of the kind {@link WebhookDispatcher#failure} names
   * otherwise. Tries the checked addresses in turn while none accepts a connection, within one
   * connect timeout in all; once a request is sent, it is not sent again.
   */
  int post(WebhookTargets.Checked target, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    URI uri = target.uri();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    long connectBy = System.nanoTime() + connectTimeout.toNanos();
    IOException last = new ConnectException("no address to connect to");
    for (InetAddress address : target.addresses()) {
      long left = TimeUnit.NANOSECONDS.toMillis(connectBy - System.nanoTime());
      if (left <= 0) {
        break;
      }
      RequestOptions options =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
              .setHost(uri.getHost())
              .setPort(port)
              .setSsl(https)
              .setURI(requestUri)
              .setFollowRedirects(false)
              .setConnectTimeout(left);
      headers.forEach(options::putHeader);
      Future<HttpClientRequest> connecting = http.request(options);
      HttpClientRequest request;
      try {
        request = await(connecting, left + 500, true);
      } catch (ConnectException | HttpConnectTimeoutException e) {
        connecting.onSuccess(late -> late.reset()); // a connection made too late is dropped
        last = e; // nothing was sent: the next address may answer
        continue;
      }
      try {
        return await(
            request
                .send(Buffer.buffer(body))
                .map(
                    response -> {
                      int status = response.statusCode();
                      response.request().connection().close(); // the body is not wanted
                      return status;
                    }),
            readTimeout.toMillis(),
            false);
      } catch (IOException | InterruptedException e) {
        request.reset();
        throw e;
      }
    }
    throw last;
  }

  @Override
  public void close() {
    http.close();
  }

  private static <T> T await(Future<T> future, long millis, boolean connecting)
      throws IOException, InterruptedException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw connecting
          ? new HttpConnectTimeoutException("connect timed out")
          : new HttpTimeoutException("no response in time");
    } catch (ExecutionException e) {
      throw failure(e.getCause(), connecting);
    }
  }

  /** The client's failure as the kind of IOException the dispatcher tells apart. */
  static IOException failure(Throwable t, boolean connecting) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException ssl) {
        return ssl;
      }
    }
    if (t instanceof io.netty.channel.ConnectTimeoutException
        || (t instanceof TimeoutException && connecting)) {
      return new HttpConnectTimeoutException(String.valueOf(t.getMessage()));
    }
    if (t instanceof TimeoutException) {
      return new HttpTimeoutException(String.valueOf(t.getMessage()));
    }
    if (t instanceof IOException io) {
      return io; // a ConnectException when refused
    }
    return new IOException(t.getMessage(), t);
  }
}
