package org.nrmreferrals.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.web.ProblemException;

/**
 * Records reads of personal data, each committed before the data is returned, with the reads of
 * other requests in one transaction (a group commit). A read changes nothing else, so it needs no
 * write transaction of its own: a read's event waited for a commit (a WAL flush) of its own, where
 * one commit now serves every read that arrived meanwhile.
 *
 * <p>{@link #record} blocks until the event is committed, and throws 503 when it could not be (the
 * database away, or the queue full): a caller who gets no answer has not been shown the data, and
 * nothing is shown that is not in the audit trail. Events go to {@code audit_pending} exactly as
 * {@link AuditTrail#append} stores them; the sequencer chains them.
 */
@ApplicationScoped
public class ReadEvents {
  private static final Logger LOG = Logger.getLogger(ReadEvents.class);
  private static final int MAX_BATCH = 500;
  private static final int MAX_WAITING = 10_000;

  private final AuditTrail trail;
  private final DataSource dataSource;
  private final Duration maxWait;
  private final Timer waited;
  private final BlockingQueue<Waiting> queue = new ArrayBlockingQueue<>(MAX_WAITING);
  private volatile Thread writer;
  private volatile boolean stopped;

  ReadEvents(AuditTrail trail, DataSource dataSource, NrmConfig config, MeterRegistry metrics) {
    this.trail = trail;
    this.dataSource = dataSource;
    this.maxWait = config.audit().readWait();
    this.waited =
        Timer.builder("nrm.audit.read.commit")
            .description("A read's wait for its audit event to be committed")
            .publishPercentileHistogram()
            .register(metrics);
  }

  /** Stores the read's event and returns once it is committed; 503 if it cannot be. */
  public void record(AuditEvent event) {
    Timer.Sample sample = Timer.start();
    Waiting waiting = new Waiting(trail.row(event), new CompletableFuture<>());
    if (stopped) {
      throw unavailable();
    }
    startWriter();
    try {
      if (!queue.offer(waiting)) {
        throw unavailable();
      }
      waiting.committed.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (ExecutionException | TimeoutException e) {
      // A timed-out event may still be committed later: the trail then shows a read whose answer
      // was a 503. It never shows less than was read.
      throw unavailable();
    } finally {
      sample.stop(waited);
    }
  }

  private static ProblemException unavailable() {
    return ProblemException.unavailable(
        "The read could not be recorded in the audit trail; nothing was shown. Try again.", 1);
  }

  private void startWriter() {
    if (writer == null) {
      synchronized (this) {
        if (writer == null && !stopped) {
          Thread thread = new Thread(this::run, "audit-read-events");
          thread.setDaemon(true);
          thread.start();
          writer = thread;
        }
      }
    }
  }

  private void run() {
    List<Waiting> batch = new ArrayList<>(MAX_BATCH);
    while (!stopped) {
      try {
        Waiting first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        store(batch);
        batch.forEach(w -> w.committed.complete(null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("reads' audit events not stored (%d answered 503): %s", batch.size(), e);
        batch.forEach(w -> w.committed.completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void store(List<Waiting> batch) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement limit = c.createStatement();
          PreparedStatement insert = c.prepareStatement(AuditTrail.STORE)) {
        // A batch that cannot be stored in half the wait fails (its reads answered 503 before
        // they give up waiting), rather than hold every later read.
        limit.execute("SET LOCAL statement_timeout = " + Math.max(1, maxWait.toMillis() / 2));
        for (Waiting w : batch) {
          w.row.bind(insert);
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
    Thread thread = writer;
    if (thread != null) {
      thread.interrupt();
    }
    Waiting left;
    while ((left = queue.poll()) != null) {
      left.committed.completeExceptionally(new IllegalStateException("shutting down"));
    }
  }

  private record Waiting(AuditTrail.Row row, CompletableFuture<Void> committed) {}
}
