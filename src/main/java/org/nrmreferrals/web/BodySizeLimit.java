package org.nrmreferrals.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.nrmreferrals.NrmConfig;

/**
 * Refuses request bodies over {@code nrm.max-request-bytes} with a 413 problem: up front by {@code
 * Content-Length}, and while reading for bodies sent without one.
 */
@Provider
@ApplicationScoped
public class BodySizeLimit implements ReaderInterceptor {
  private final long maxBytes;

  BodySizeLimit(NrmConfig config) {
    this.maxBytes = config.maxRequestBytes();
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLarge(length)) {
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(
                        Problems.json(
                            ProblemType.PAYLOAD_TOO_LARGE, detail(), null, ctx.normalizedPath()));
                return;
              }
              ctx.next();
            });
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Bounded(context.getInputStream()));
    return context.proceed();
  }

  private boolean tooLarge(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String detail() {
    return "Request bodies are limited to " + maxBytes + " bytes.";
  }

  private final class Bounded extends FilterInputStream {
    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > maxBytes) {
        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail());
      }
    }
  }
}
