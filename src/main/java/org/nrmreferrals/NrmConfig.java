package org.nrmreferrals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's own settings, under the {@code nrm.} prefix of application.properties. */
@ConfigMapping(prefix = "nrm")
public interface NrmConfig {

  /** Zone in which the law counts days and years (reference numbers, date filters). */
  @WithDefault("Europe/London")
  String jurisdictionZone();

  /** Largest request body the API accepts; larger bodies get 413. */
  @WithDefault("262144")
  int maxRequestBytes();

  /** Bulk import of referrals (POST /api/v1/referrals/import). */
  @WithName("import")
  Import importing();

  /** Limits of one bulk import. */
  interface Import {
    /** Largest import body; each line is also limited to {@code nrm.max-request-bytes}. */
    @WithDefault("67108864")
    long maxBytes();

    /** Most lines one import may hold. */
    @WithDefault("50000")
    @Min(1)
    int maxLines();

    /** Lines stored in one transaction (each line still all or nothing). */
    @WithDefault("50")
    @Min(1)
    int linesPerTransaction();

    /** Transactions of one import stored at once. */
    @WithDefault("2")
    @Min(1)
    int workers();

    /**
     * Imports one instance runs at once (each holds a worker thread and workers + 1 connections).
     */
    @WithDefault("2")
    @Min(1)
    int concurrent();
  }

  /** Idempotency-Key settings. */
  Idempotency idempotency();

  /** Cursor pagination settings. */
  Pagination pagination();

  /** Statutory deadlines. */
  Deadlines deadlines();

  Allocation allocation();

  Reconsideration reconsideration();

  Ictg ictg();

  FurtherInformation furtherInformation();

  /** The audit trail: checkpoint signing key, verification. */
  Audit audit();

  /** Likely-duplicate matching at intake. */
  Duplicates duplicates();

  /** Webhook delivery. */
  Webhooks webhooks();

  /** Disclosure control of statistics. */
  Statistics statistics();

  /**
   * The key-encryption key of personal data (NRM_KEK): base64 of 256 bits. Production sets this or
   * {@link #kekFile}.
   */
  Optional<String> kek();

  /** A file holding the key-encryption key in base64 (NRM_KEK_FILE). */
  Optional<String> kekFile();

  /** Earlier key-encryption keys, comma-separated, kept to unwrap until rotation finishes. */
  Optional<String> kekPrevious();

  /**
   * How long a key-encryption key is in use before it is due for rotation (NRM_KEK_MAX_AGE): with
   * the backups' retention, it bounds how long an erasure stays readable in backups.
   */
  @WithDefault("P90D")
  Duration kekMaxAge();

  /** When the job that finishes a KEK rotation runs (NRM_KEK_ROTATION_CRON; off disables it). */
  @WithDefault("0 45 2 * * ?")
  String kekRotationCron();

  /** How long personal data is kept once a case has ended, and what the daily job does. */
  Retention retention();

  /** Per-caller request limits (NRM_RATE_LIMIT_...); 0 turns a limit off. */
  RateLimit rateLimit();

  /** Embedded PostgreSQL for the dev profile (read before the application starts). */
  EmbeddedPostgres embeddedPostgres();

  /**
   * Token-bucket limits per caller and per instance: a burst of up to the minute's allowance, then
   * refilled evenly over the minute. Generous by default: a partner's own system submitting
   * referrals one after another, or an analyst's dashboard, stays far below them.
   */
  interface RateLimit {
    /** Referrals and Duty to Notify reports one agency may submit per minute. */
    @WithDefault("600")
    int intakePerMinute();

    /** Statistics requests one analyst (token subject) may make per minute. */
    @WithDefault("120")
    int statisticsPerMinute();

    /** Requests of any kind, reads included, one caller (token subject) may make per minute. */
    Requests requests();

    /** The allowance of each role (NRM_RATE_LIMIT_REQUESTS_PARTNER, ...); 0 turns it off. */
    interface Requests {
      @WithDefault("1200")
      int partner();

      @WithDefault("1200")
      int caseworker();

      @WithDefault("600")
      int analyst();

      @WithDefault("600")
      int statistician();

      @WithDefault("1200")
      int admin();
    }
  }

  /** Disclosure control: what analysts may be shown. */
  interface Statistics {
    /** Counts from 1 to threshold - 1 are suppressed (UK research practice: under 10). */
    @WithDefault("10")
    int threshold();

    /** Published counts are rounded to a multiple of this; 1 publishes exact counts. */
    @WithDefault("1")
    int roundingBase();

    /**
     * When releases are cut on their own (a Quartz-style cron in the jurisdiction's zone, or {@code
     * off}): by default at 03:00 on the first of each month, covering the month just ended.
     */
    @WithDefault("0 0 3 1 * ?")
    String releaseSchedule();

    /** Releases each instance keeps loaded in memory (the newest), besides the one being read. */
    @WithDefault("2")
    int releasesInMemory();

    /**
     * The longest protecting one answer's tables may take: past it the breakdown is refused (422)
     * rather than holding a core for minutes.
     */
    @WithDefault("1000")
    long maxProtectMillis();

    /** The cell-key method's noise on published counts. */
    Perturbation perturbation();

    /** The cell-key method: a noise of at most maxNoise either way, of this variance. */
    interface Perturbation {
      /** The largest noise either way; 0 turns perturbation off. */
      @WithDefault("2")
      int maxNoise();

      /** The noise's variance, where a count's range allows it. */
      @WithDefault("1.0")
      double variance();
    }
  }

  /**
   * Retention of personal data, per final status: an ISO-8601 period counted from the day the
   * referral entered that status (for example P6Y), or {@code never}. Statuses of live cases are
   * never due. The defaults follow the six-year limitation period for civil claims; the data
   * controller's retention schedule decides the real values.
   */
  interface Retention {
    @WithDefault("P6Y")
    String withdrawn();

    @WithDefault("P6Y")
    String rgNegative();

    @WithDefault("P6Y")
    String cgNegative();

    @WithDefault("P6Y")
    String cgPositive();

    /** Duty to Notify reports. */
    @WithDefault("P6Y")
    String notified();

    /** What the scheduled job does with referrals past their period: list them, or erase them. */
    @WithDefault("list")
    RetentionMode mode();

    /** When the job runs (Quarkus cron; {@code off} disables it). */
    @WithDefault("0 30 2 * * ?")
    String cron();
  }

  /** LIST reports what is due (log and admin endpoint); ERASE also crypto-shreds it. */
  enum RetentionMode {
    LIST,
    ERASE
  }

  /** How long idempotency records are kept; at least 24 hours. */
  interface Idempotency {
    @WithDefault("P2D")
    Duration retention();
  }

  /** Page sizes for list endpoints. */
  interface Pagination {
    @WithDefault("50")
    int defaultLimit();

    @WithDefault("200")
    int maxLimit();
  }

  /** Periods the law or guidance sets; the last two differ per jurisdiction. */
  interface Deadlines {
    /** Working days after submission within which the RG decision is aimed at (a target). */
    @WithDefault("5")
    int rgWorkingDays();

    MinimumDaysBeforeCg minimumDaysBeforeCg();

    SupportPeriodDays supportPeriodDays();

    MoveOnSupportDays moveOnSupportDays();
  }

  /**
   * Calendar days of move-on support after a positive CG: at least 45 in England and Wales (the
   * Modern Slavery Victim Care Contract; extended by a Recovery Needs Assessment). Scotland and
   * Northern Ireland are to verify: 45 until a source says otherwise.
   */
  interface MoveOnSupportDays {
    @WithDefault("45")
    int englandAndWales();

    @WithDefault("45")
    int scotland();

    @WithDefault("45")
    int northernIreland();
  }

  /** Requests for further information: days until one is due, by the stage it is asked at. */
  interface FurtherInformation {
    @WithDefault("7")
    int reasonableGroundsDays();

    @WithDefault("28")
    int conclusiveGroundsDays();
  }

  /** Independent Child Trafficking Guardians (Modern Slavery Act 2015 s.48). */
  interface Ictg {
    /**
     * Police force areas (codes of /api/v1/reference/police-forces) with the ICTG service: a child
     * referred from one is recorded as referred to a guardian.
     */
    Optional<List<String>> policeForceAreas();
  }

  /**
   * Calendar days from a positive RG decision before a CG decision may be made: England and Wales
   * 30 (Nationality and Borders Act 2022 s.61, guidance from 30 January 2023). Scotland and
   * Northern Ireland are to verify: 30 and 45 until a primary source says otherwise.
   */
  interface MinimumDaysBeforeCg {
    @WithDefault("30")
    int englandAndWales();

    @WithDefault("30")
    int scotland();

    @WithDefault("45")
    int northernIreland();
  }

  /**
   * Calendar days of support from a positive RG decision (it goes on until the CG where that is
   * later): England and Wales 30 (the recovery period, MSA 2015 s.50A), Scotland 90 (Human
   * Trafficking and Exploitation (Scotland) Act 2015 s.9, SSI 2018/90), Northern Ireland 45 (Human
   * Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (NI) 2015 s.18). A
   * support period never delays a CG.
   */
  interface SupportPeriodDays {
    @WithDefault("30")
    int englandAndWales();

    @WithDefault("90")
    int scotland();

    @WithDefault("45")
    int northernIreland();
  }

  /** Requests to reconsider a negative decision. */
  interface Reconsideration {
    /**
     * Calendar days after a negative decision within which a request may be made; later only on
     * exceptional circumstances (the statutory guidance: 30 days).
     */
    @WithDefault("30")
    int windowDays();
  }

  /** How new cases are allocated to competent authorities. */
  interface Allocation {
    /**
     * A devolved child panel decides a child's case only when the child is more than this many days
     * from turning 18 (the pilot's rule); otherwise the SCA or IECA does.
     */
    @WithDefault("100")
    int panelDaysBeforeEighteen();
  }

  /** Production sets NRM_AUDIT_SIGNING_KEY_FILE: an Ed25519 private key, PKCS#8 PEM. */
  /**
   * Likely-duplicate matching at intake: a new referral is matched with the newest earlier
   * referrals that share a digest of the person's name with date of birth or a nationality, at most
   * this many (NRM_DUPLICATES_MAX_MATCHES), so neither its cost nor what it stores grows with the
   * number of earlier referrals of a common name. Older ones are reached through the newer: each
   * lists its own newest matches.
   */
  interface Duplicates {
    @WithDefault("10")
    int maxMatches();
  }

  interface Audit {
    Optional<String> signingKeyFile();

    /**
     * Events one checker thread of a chain verification takes at a time. A tuning knob only: the
     * tests set it small so that even their short chains span many batches.
     */
    @WithDefault("256")
    @Min(1)
    int verifyBatch();

    /**
     * The longest a committed event waits to be sequenced into the chain: the promise every receipt
     * makes (Certificate Transparency's maximum merge delay).
     */
    @WithDefault("PT1S")
    Duration maxDelay();

    /**
     * The longest a read waits for its audit event to be committed (with other reads' events, in
     * one transaction) before it is answered 503 instead of with the data.
     */
    @WithDefault("PT10S")
    Duration readWait();

    Sequencer sequencer();

    /** How committed events are moved into the chain. */
    interface Sequencer {
      /** How often each instance polls for committed events (well inside the maximum delay). */
      @WithDefault("200ms")
      Duration every();

      /** Events one batch (one transaction) sequences at most. */
      @WithDefault("5000")
      @Min(1)
      int batch();
    }
  }

  /** How webhooks are delivered and retried. */
  interface Webhooks {
    /** Delay before the first retry; it doubles per attempt, with jitter. */
    @WithDefault("PT10S")
    Duration retryInitialDelay();

    /** Longest delay between two attempts. */
    @WithDefault("PT1H")
    Duration retryMaxDelay();

    /** How long a delivery is retried before it is marked failed (production: at least 24 h). */
    @WithDefault("P1D")
    Duration giveUpAfter();

    /** Failed deliveries in a row after which a subscription is disabled. */
    @WithDefault("3")
    int disableAfterFailedDeliveries();

    /** Deliveries in flight at once, per service instance. */
    @WithDefault("8")
    int concurrency();

    /**
     * Live (not deleted) subscriptions an agency may have at once; one more is refused with 409.
     * Each is a copy of the agency's events to send, so the number is bounded per agency.
     */
    @WithDefault("10")
    int maxPerAgency();

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT10S")
    Duration readTimeout();

    /** How often the dispatcher looks for new events and due deliveries. */
    @WithDefault("1s")
    String pollEvery();

    /** Allows http:// loopback targets: dev and test only, never in production. */
    @WithDefault("false")
    boolean allowLoopbackHttp();
  }

  /** Where the dev profile's embedded PostgreSQL keeps its data, and its port. */
  interface EmbeddedPostgres {
    Optional<String> dataDirectory();

    Optional<Integer> port();
  }
}
