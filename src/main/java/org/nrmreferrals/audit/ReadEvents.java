package org.nrmreferrals.audit;

import io.micrometer.core.instrument.Gauge;
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
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.web.ProblemException;

/**
 * Records reads of a referral by id, each committed before the data is returned, with the reads of
 * other requests in one transaction (a group commit). A read changes nothing else, so it needs no
 * write transaction of its own: a read's event waited for a commit (a WAL flush) of its own, where
 * one commit now serves every read that arrived meanwhile.
 *
 * <p>{@link #prepare} makes the event inside the read's transaction (its time is the read's);
 * {@link #record} blocks until it is committed, and throws 503 when it could not be: the database
 * away, the queue full, or {@code nrm.audit.read-wait} passed before the writer took the event. An
 * event the writer has not taken (with a connection in hand) when its reader gives up is never
 * stored; one it has taken is waited for to its outcome, which the writer's time limits bound
 * (statements: the wait; the connection's network: twice the wait), so the trail records the reads
 * answered with data and no others. Only a reader still without an outcome after three times the
 * wait is answered 503 regardless, and its event may then be stored: the trail never shows less
 * than was read. Events go to {@code audit_pending} exactly as {@link AuditTrail#append} stores
 * them; the sequencer chains them.
 */
@ApplicationScoped
public class ReadEvents {
  private static final Logger LOG = Logger.getLogger(ReadEvents.class);
  private static final int MAX_BATCH = 500;
  private static final int MAX_WAITING = 10_000;
  private static final int WAITING = 0;
  private static final int TAKEN = 1;
  private static final int ABANDONED = 2;

  private final AuditTrail trail;
  private final DataSource dataSource;
  private final Duration maxWait;
  private final Timer waited;
  private final BlockingQueue<Waiting> queue = new ArrayBlockingQueue<>(MAX_WAITING);
  private final Executor timeouts = Runnable::run;
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
    Gauge.builder("nrm.audit.read.waiting", queue, BlockingQueue::size)
        .description("Reads waiting for their audit events to be committed")
        .register(metrics);
  }

  /** A read's event, made in the read's transaction; hand it to {@link #record}. */
  public static final class Prepared {
    private final AuditTrail.Row row;

    private Prepared(AuditTrail.Row row) {
      this.row = row;
    }
  }

  /** The event, by the current caller, as of now: call it in the read's transaction. */
  public Prepared prepare(AuditEvent event) {
    return new Prepared(trail.row(event));
  }

  /** Stores the read's event and returns once it is committed; 503 if it cannot be. */
  public void record(Prepared event) {
    Timer.Sample sample = Timer.start();
    Waiting waiting = new Waiting(event.row);
    try {
      if (stopped) {
        throw unavailable();
      }
      startWriter();
      if (!queue.offer(waiting)) {
        throw unavailable();
      }
      if (stopped && queue.remove(waiting)) { // stop() may have drained the queue before this
        throw unavailable();
      }
      waitFor(waiting);
    } finally {
      sample.stop(waited);
    }
  }

  private void waitFor(Waiting waiting) {
    try {
      waiting.committed.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (waiting.state.compareAndSet(WAITING, ABANDONED)) {
        throw unavailable(); // never stored: the writer skips it
      }
      // Taken into a batch: its outcome comes within the writer's own limits.
      try {
        waiting.committed.get(2 * maxWait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException late) {
        throw unavailable();
      } catch (InterruptedException late) {
        Thread.currentThread().interrupt();
        throw unavailable();
      }
    } catch (ExecutionException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      waiting.state.compareAndSet(WAITING, ABANDONED);
      throw unavailable();
    }
  }

  private static ProblemException unavailable() {
    return ProblemException.unavailable(
        "The read could not be recorded in the audit trail; nothing was shown. Try again.", 1);
  }

  /** Starts the writer, or a new one if the last has died. */
  private void startWriter() {
    Thread current = writer;
    if (current == null || !current.isAlive()) {
      synchronized (this) {
        if ((writer == null || !writer.isAlive()) && !stopped) {
          Thread thread = new Thread(this::run, "audit-read-events");
          thread.setDaemon(true);
          thread.start();
          writer = thread;
        }
      }
    }
  }

  private void run() {
    List<Waiting> drained = new ArrayList<>(MAX_BATCH);
    List<Waiting> batch = new ArrayList<>(MAX_BATCH);
    while (!stopped) {
      try {
        Waiting first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        drained.add(first);
        queue.drainTo(drained, MAX_BATCH - 1);
        try (Connection c = dataSource.getConnection()) {
          // Taken only once there is a connection: from here on every step has a time limit.
          for (Waiting w : drained) {
            if (w.state.compareAndSet(WAITING, TAKEN)) {
              batch.add(w);
            }
          }
          if (!batch.isEmpty()) {
            storeAll(c, batch);
          }
        }
      } catch (InterruptedException e) {
        fail(batch, e);
        if (stopped) {
          return;
        }
      } catch (Throwable e) { // the writer must outlive any failure; its readers get 503
        fail(batch, e);
      } finally {
        drained.clear();
        batch.clear();
      }
    }
  }

  private static void fail(List<Waiting> batch, Throwable e) {
    if (!batch.isEmpty()) {
      LOG.warnf("reads' audit events not stored (%d answered 503): %s", batch.size(), e);
    }
    batch.forEach(w -> w.committed.completeExceptionally(e));
  }

  /**
   * Stores the batch in one transaction; if PostgreSQL refuses a row's data (an invalid value or a
   * constraint), each is stored on its own, so one bad row fails only its own read.
   */
  private void storeAll(Connection c, List<Waiting> batch) throws SQLException {
    try {
      store(c, batch);
      batch.forEach(w -> w.committed.complete(null));
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (batch.size() == 1
          || state == null
          || !(state.startsWith("22") || state.startsWith("23"))) {
        throw e;
      }
      for (Waiting w : batch) {
        try {
          store(c, List.of(w));
          w.committed.complete(null);
        } catch (SQLException one) {
          w.committed.completeExceptionally(one);
        }
      }
    }
  }

  private void store(Connection c, List<Waiting> batch) throws SQLException {
    // A connection lost without a word (a partition) fails rather than hang the writer (twice
    // the statements' limit, so that PostgreSQL's own timeout normally answers first).
    c.setNetworkTimeout(timeouts, (int) Math.min(Integer.MAX_VALUE, 2 * maxWait.toMillis()));
    c.setAutoCommit(false);
    try (Statement limit = c.createStatement();
        PreparedStatement insert = c.prepareStatement(AuditTrail.STORE)) {
      limit.execute("SET LOCAL statement_timeout = " + Math.max(1, maxWait.toMillis()));
      for (Waiting w : batch) {
        w.row.bind(insert);
        insert.addBatch();
      }
      insert.executeBatch();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback); // a broken connection: the pool discards it
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
      c.setNetworkTimeout(timeouts, 0);
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

  private static final class Waiting {
    final AuditTrail.Row row;
    final CompletableFuture<Void> committed = new CompletableFuture<>();
    final AtomicInteger state = new AtomicInteger(WAITING);

    Waiting(AuditTrail.Row row) {
      this.row = row;
    }
  }
}
