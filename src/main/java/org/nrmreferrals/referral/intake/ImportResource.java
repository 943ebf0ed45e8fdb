package org.nrmreferrals.referral.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.audit.Receipts;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.RateLimits;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemMapper;
import org.nrmreferrals.web.ProblemType;

/**
 * Bulk import for agencies moving from another case system: NDJSON in, one line a referral ({@code
 * {"idempotencyKey", "referral"}}), NDJSON out, one result a line, in order, as each is stored.
 * Every line goes through the rules of {@code POST /api/v1/referrals} and is stored whole or not at
 * all; a key seen before replays its first answer, so an interrupted import is sent again whole.
 */
@Path("/api/v1/referrals/import")
public class ImportResource {
  static final String NDJSON = "application/x-ndjson";

  /** The advisory lock space of imports (the agency's code, hashed, is the second key). */
  private static final int IMPORT_LOCK = 0x696d7074; // "impt"

  private final ReferralIntake intake;
  private final Caller caller;
  private final PartnerAgency partnerAgency;
  private final RateLimits rateLimits;
  private final Validator validator;
  private final Receipts receipts;
  private final ObjectReader lineReader;
  private final ObjectMapper json;
  private final ProblemMapper problems = new ProblemMapper();
  private final CurrentVertxRequest current;
  private final int maxLineBytes;
  private final int maxLines;
  private final int perTransaction;
  private final int workers;
  private final ManagedExecutor executor;
  private final DataSource dataSource;
  private final Semaphore slots;

  ImportResource(
      ReferralIntake intake,
      Caller caller,
      PartnerAgency partnerAgency,
      RateLimits rateLimits,
      Validator validator,
      Receipts receipts,
      ObjectMapper json,
      CurrentVertxRequest current,
      ManagedExecutor executor,
      DataSource dataSource,
      NrmConfig config) {
    this.dataSource = dataSource;
    this.slots = new Semaphore(config.importing().concurrent());
    this.current = current;
    this.executor = executor;
    this.workers = config.importing().workers();
    this.intake = intake;
    this.caller = caller;
    this.partnerAgency = partnerAgency;
    this.rateLimits = rateLimits;
    this.validator = validator;
    this.receipts = receipts;
    this.json = json;
    this.lineReader = json.readerFor(ImportLine.class);
    this.maxLineBytes = config.maxRequestBytes();
    this.maxLines = config.importing().maxLines();
    this.perTransaction = config.importing().linesPerTransaction();
  }

  /**
   * One line of an import, as sent. The key is required: a batch that fails is stored again line by
   * line, and an import cut off is sent again whole, both safely only under keys.
   */
  record ImportLine(
      @NotBlank(message = "an idempotency key is required on every line") String idempotencyKey,
      @NotNull(message = "a referral is required") @Valid SubmitReferralRequest referral) {}

  @POST
  @RolesAllowed(Roles.PARTNER)
  @Consumes(NDJSON)
  @Produces(NDJSON)
  public Response importReferrals(InputStream body) {
    Agency agency = partnerAgency.current();
    String subject = caller.subject();
    rateLimits.intake(agency.code()); // the import counts as one submission against the rate
    Slot slot = slot(agency.code());
    AtomicBoolean started = new AtomicBoolean();
    try {
      receipts.inBody();
      // If the answer is never written (the connection went first), the slot is freed here.
      current
          .getCurrent()
          .addEndHandler(
              ended -> {
                if (!started.get()) {
                  slot.close();
                }
              });
    } catch (RuntimeException e) {
      slot.close();
      throw e;
    }
    StreamingOutput results =
        out -> {
          started.set(true);
          try (slot;
              OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
            run(agency, subject, body, buffered);
          }
        };
    return Response.ok(results, NDJSON).build();
  }

  /**
   * An import's right to run: one of this instance's {@code nrm.import.concurrent} slots, and the
   * agency's PostgreSQL advisory lock (one import per agency across every instance), held on a
   * connection of its own until the import's last batch is done; a dead instance's lock goes with
   * its session.
   */
  private final class Slot implements AutoCloseable {
    private final Connection lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    Slot(Connection lock) {
      this.lock = lock;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        try (lock) {
          lock.createStatement().execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
          // the session ends with the connection's close, and its locks with it
        } finally {
          slots.release();
        }
      }
    }
  }

  private Slot slot(String agencyCode) {
    if (!slots.tryAcquire()) {
      throw ProblemException.tooManyRequests(
          "This instance is running as many imports as it may; send yours again shortly.", 30);
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      try (PreparedStatement lock =
          c.prepareStatement("SELECT pg_try_advisory_lock(" + IMPORT_LOCK + ", hashtext(?))")) {
        lock.setString(1, agencyCode);
        try (ResultSet rs = lock.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return new Slot(c);
          }
        }
      }
      throw new ProblemException(
          ProblemType.CONFLICT,
          "An import for your agency is under way; send this one when it has finished.");
    } catch (SQLException | RuntimeException e) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (SQLException ignored) {
        // closing a connection that failed
      }
      slots.release();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("taking the import lock failed", e);
    }
  }

  /** A parsed line waiting for its transaction, or its answer already. */
  private static final class Pending {
    final long line;
    ReferralIntake.Line item;
    String result;

    Pending(long line) {
      this.line = line;
    }
  }

  private void run(Agency agency, String subject, InputStream body, OutputStream out)
      throws IOException {
    NdjsonLines lines = new NdjsonLines(body, maxLineBytes);
    // Batches are stored by up to `workers` transactions at once (the service's CPU and
    // PostgreSQL's overlap), and answered in order as each finishes.
    Deque<Batch> inFlight = new ArrayDeque<>();
    try {
      read(agency, subject, lines, inFlight, out);
    } finally {
      // An answer cut off (the client went) leaves batches running: they finish before the
      // import's slot is given back.
      for (Batch b : inFlight) {
        try {
          b.stored().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
          // already answered, or no one to answer
        }
      }
    }
  }

  private void read(
      Agency agency, String subject, NdjsonLines lines, Deque<Batch> inFlight, OutputStream out)
      throws IOException {
    List<Pending> batch = new ArrayList<>(perTransaction);
    long number = 0;
    while (true) {
      byte[] bytes;
      try {
        bytes = lines.next();
      } catch (ProblemException tooLarge) {
        // The body passed nrm.import.max-bytes: what came before is answered, the rest is not read.
        inFlight.add(submit(agency, subject, batch));
        drain(inFlight, 0, out);
        out.write(refused(number + 1, tooLarge).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        return;
      }
      if (bytes == null) {
        break;
      }
      number++;
      Pending p = new Pending(number);
      if (number > maxLines) {
        // One answer for the rest, which is not read.
        inFlight.add(submit(agency, subject, batch));
        drain(inFlight, 0, out);
        out.write(
            refused(
                    number,
                    new ProblemException(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "An import holds at most "
                            + maxLines
                            + " lines; this line and the rest were not read: send them in"
                            + " another."))
                .getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        return;
      } else if (bytes == NdjsonLines.TOO_LONG) {
        p.result =
            refused(
                number,
                new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "A line is limited to " + maxLineBytes + " bytes, as a request is."));
      } else if (bytes.length == 0) {
        p.result =
            refused(
                number,
                ProblemException.malformed("", "The line is empty: one JSON object a line."));
      } else {
        parse(p, bytes);
      }
      batch.add(p);
      if (batch.size() == perTransaction) {
        inFlight.add(submit(agency, subject, batch));
        batch = new ArrayList<>(perTransaction);
        drain(inFlight, workers, out);
      }
    }
    inFlight.add(submit(agency, subject, batch));
    drain(inFlight, 0, out);
  }

  /** A batch being stored, and when it is done. */
  private record Batch(List<Pending> lines, Future<?> stored) {}

  private Batch submit(Agency agency, String subject, List<Pending> lines) {
    return new Batch(lines, executor.submit(() -> store(agency, subject, lines)));
  }

  /** Writes the answers of the oldest batches until no more than {@code keep} are in flight. */
  private void drain(Deque<Batch> inFlight, int keep, OutputStream out) throws IOException {
    while (inFlight.size() > keep) {
      Batch done = inFlight.poll();
      try {
        done.stored().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("the import was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("storing an import batch failed", e.getCause());
      }
      for (Pending p : done.lines()) {
        out.write(p.result.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      out.flush();
    }
  }

  /** Reads and validates a line: its item, or its refusal. */
  private void parse(Pending p, byte[] bytes) {
    try {
      ImportLine line = lineReader.readValue(bytes);
      if (line == null) {
        throw ProblemException.malformed("", "The line must be a JSON object.");
      }
      Set<ConstraintViolation<ImportLine>> violations = validator.validate(line);
      if (!violations.isEmpty()) {
        throw new ConstraintViolationException(violations);
      }
      p.item =
          new ReferralIntake.Line(
              IdempotencyRecords.checkedKey(line.idempotencyKey()), line.referral());
    } catch (IOException | RuntimeException e) {
      p.result = refused(p.line, e);
    }
  }

  /**
   * Stores the batch's valid lines in one transaction and sets every line's result. If the
   * transaction fails, each line is stored on its own, so one bad line refuses only itself.
   */
  private void store(Agency agency, String subject, List<Pending> batch) {
    List<Pending> valid = batch.stream().filter(p -> p.item != null).toList();
    if (valid.isEmpty()) {
      return;
    }
    List<ReferralIntake.Stored> stored;
    try {
      stored = intake.submitAll(agency, subject, valid.stream().map(p -> p.item).toList());
    } catch (RuntimeException together) {
      // Stored again line by line under their keys: a line that did commit is replayed.
      for (Pending p : valid) {
        ReferralIntake.Stored alone;
        try {
          alone = intake.submitAll(agency, subject, List.of(p.item)).get(0);
        } catch (RuntimeException refused) {
          p.result = refused(p.line, refused);
          continue;
        }
        p.result = accepted(p.line, alone);
      }
      return;
    }
    for (int i = 0; i < valid.size(); i++) {
      valid.get(i).result = accepted(valid.get(i).line, stored.get(i));
    }
  }

  private String accepted(long line, ReferralIntake.Stored stored) {
    Submission s = stored.submission();
    var result = json.createObjectNode();
    result.put("line", line);
    result.put("status", s.status());
    result.put("id", s.location().substring(s.location().lastIndexOf('/') + 1));
    if (stored.reference() != null) {
      result.put("reference", stored.reference());
    } else {
      try {
        result.put("reference", json.readTree(s.body()).path("reference").asText()); // a replay
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A stored answer is always JSON", e);
      }
    }
    if (s.replayed()) {
      result.put("replayed", true);
    }
    if (!stored.events().isEmpty()) {
      result.set("receipt", json.valueToTree(receipts.issue(stored.events())));
    }
    try {
      return json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A result is always serializable", e);
    }
  }

  private String refused(long line, Throwable e) {
    Response problem = problems.of(e);
    return "{\"line\":"
        + line
        + ",\"status\":"
        + problem.getStatus()
        + ",\"problem\":"
        + problem.getEntity()
        + "}";
  }
}
