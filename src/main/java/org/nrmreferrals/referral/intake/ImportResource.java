package org.nrmreferrals.referral.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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

  /** Agencies with an import under way: one at a time each. */
  private static final Set<String> IMPORTING = ConcurrentHashMap.newKeySet();

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
      NrmConfig config) {
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

  /** One line of an import, as sent. */
  record ImportLine(String idempotencyKey, SubmitReferralRequest referral) {}

  @POST
  @RolesAllowed(Roles.PARTNER)
  @Consumes(NDJSON)
  @Produces(NDJSON)
  public Response importReferrals(InputStream body) {
    Agency agency = partnerAgency.current();
    String subject = caller.subject();
    rateLimits.intake(agency.code()); // the import counts as one submission against the rate
    if (!IMPORTING.add(agency.code())) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "An import for your agency is under way; send this one when it has finished.");
    }
    receipts.inBody();
    // Released when the response ends, or the connection does, whatever happened in between.
    current.getCurrent().addEndHandler(ended -> IMPORTING.remove(agency.code()));
    StreamingOutput results =
        out -> {
          try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
            run(agency, subject, body, buffered);
          }
        };
    return Response.ok(results, NDJSON).build();
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
        p.result =
            refused(
                number,
                new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "An import holds at most " + maxLines + " lines; send the rest in another."));
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
      if (line == null || line.referral() == null) {
        throw ProblemException.invalid("referral", "a referral is required");
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
    try {
      List<ReferralIntake.Stored> stored =
          intake.submitAll(agency, subject, valid.stream().map(p -> p.item).toList());
      for (int i = 0; i < valid.size(); i++) {
        valid.get(i).result = accepted(valid.get(i).line, stored.get(i));
      }
    } catch (RuntimeException together) {
      for (Pending p : valid) {
        try {
          p.result = accepted(p.line, intake.submitAll(agency, subject, List.of(p.item)).get(0));
        } catch (RuntimeException alone) {
          p.result = refused(p.line, alone);
        }
      }
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
