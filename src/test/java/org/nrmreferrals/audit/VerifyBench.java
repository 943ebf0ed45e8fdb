package org.nrmreferrals.audit;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import org.nrmreferrals.NrmConfig;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bench code, not a test: times one variant of the chain's verification in this JVM, warm-up runs
 * first. {@code bench/handwritten} starts one JVM per variant and round, interleaved. {@code
 * VerifyBench JDBC_URL VARIANT WARMUPS RUNS}; prints one line a run: {@code VARIANT run seconds
 * valid checkedEvents cpuSeconds}, the last being this JVM's CPU time over the run (all its
 * threads; not PostgreSQL's), which a shared machine's load disturbs less than wall time.
 *
 * <p>Variants: {@code service} is {@link AuditVerifier} itself, as the service runs it; the others
 * are {@link VerifierVariant} with {@code rows} (binary, csv, resultset), {@code json} and {@code
 * instant} (hand or library) set from the name: {@code hand} (all three hand-written, the copy's
 * control), {@code json}, {@code instant}, {@code rows-csv}, {@code rows-rs}, {@code all-csv},
 * {@code all-rs}.
 */
public final class VerifyBench {
  private VerifyBench() {}

  private interface Verifier {
    Verification verify() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser("postgres");
    String variant = args[1];
    int warmups = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    int batch = Integer.getInteger("verify.batch", 256); // the service's default verifyBatch
    int fetchSize = Integer.getInteger("verify.fetchSize", 5_000);
    Verifier verifier =
        switch (variant) {
          case "service" -> new AuditVerifier(ds, config(batch))::verify;
          case "hand" -> variant(ds, batch, VerifierVariant.Rows.BINARY, false, false, fetchSize);
          case "json" -> variant(ds, batch, VerifierVariant.Rows.BINARY, true, false, fetchSize);
          case "instant" -> variant(ds, batch, VerifierVariant.Rows.BINARY, false, true, fetchSize);
          case "rows-csv" -> variant(ds, batch, VerifierVariant.Rows.CSV, false, false, fetchSize);
          case "rows-rs" ->
              variant(ds, batch, VerifierVariant.Rows.RESULTSET, false, false, fetchSize);
          case "all-csv" -> variant(ds, batch, VerifierVariant.Rows.CSV, true, true, fetchSize);
          case "all-rs" ->
              variant(ds, batch, VerifierVariant.Rows.RESULTSET, true, true, fetchSize);
          default -> throw new IllegalArgumentException("no variant " + variant);
        };
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 1; i <= warmups + runs; i++) {
      long cpu = os.getProcessCpuTime();
      long started = System.nanoTime();
      Verification v = verifier.verify();
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      System.out.printf(
          "%s %s %.3f %s %d %.3f%n",
          variant,
          i <= warmups ? "warmup-" + i : "run-" + (i - warmups),
          seconds,
          v.valid(),
          v.checkedEvents(),
          cpuSeconds);
      if (!v.valid()) {
        System.out.println("  " + v);
      }
    }
    System.exit(0);
  }

  private static Verifier variant(
      PGSimpleDataSource ds,
      int batch,
      VerifierVariant.Rows rows,
      boolean json,
      boolean instant,
      int fetchSize) {
    return new VerifierVariant(ds, batch, rows, json, instant, fetchSize)::verify;
  }

  /** The service's configuration as far as the verifier reads it: audit().verifyBatch(). */
  private static NrmConfig config(int batch) {
    Object audit =
        Proxy.newProxyInstance(
            VerifyBench.class.getClassLoader(),
            new Class<?>[] {NrmConfig.Audit.class},
            (proxy, method, args) -> {
              if (method.getName().equals("verifyBatch")) {
                return batch;
              }
              throw new UnsupportedOperationException(method.getName());
            });
    return (NrmConfig)
        Proxy.newProxyInstance(
            VerifyBench.class.getClassLoader(),
            new Class<?>[] {NrmConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("audit")) {
                return audit;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
