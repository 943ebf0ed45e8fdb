package org.nrmreferrals.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
 * Refuses request bodies over {@code nrm.max-request-bytes} ({@code nrm.import.max-bytes} for a
 * bulk import) with a 413 problem: up front by {@code Content-Length}, and while reading for bodies
 * sent without one.
 */
@Provider
@ApplicationScoped
public class BodySizeLimit implements ReaderInterceptor {
  /** The one path with a limit of its own: a bulk import streams many requests' worth. */
  public static final String IMPORT_PATH = "/api/v1/referrals/import";

  private final long maxBytes;
  private final long importMaxBytes;
  private final CurrentVertxRequest current;

  BodySizeLimit(NrmConfig config, CurrentVertxRequest current) {
    this.maxBytes = config.maxRequestBytes();
    this.importMaxBytes = config.importing().maxBytes();
    this.current = current;
  }

  private long limitFor(String path) {
    return IMPORT_PATH.equals(path) ? importMaxBytes : maxBytes;
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              long limit = limitFor(ctx.normalizedPath());
              if (length != null && tooLarge(length, limit)) {
                Problems.end(ctx, ProblemType.PAYLOAD_TOO_LARGE, detail(limit), null, true);
                return;
              }
              ctx.next();
            });
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    RoutingContext ctx = current.getCurrent();
    long limit = limitFor(ctx == null ? null : ctx.normalizedPath());
    context.setInputStream(new Bounded(context.getInputStream(), limit));
    return context.proceed();
  }

  private static boolean tooLarge(String contentLength, long limit) {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String detail(long limit) {
    return "Request bodies are limited to " + limit + " bytes.";
  }

  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private long read;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
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
      if (read > limit) {
        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail(limit));
      }
    }
  }
}
