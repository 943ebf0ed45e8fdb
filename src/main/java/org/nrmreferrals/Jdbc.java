package org.nrmreferrals;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * One SQL statement on the current transaction's connection, in plain JDBC, for tables that are
 * never Hibernate entities. On the request paths Hibernate's native queries cost more CPU than such
 * statements themselves (bench/intake-profile-report.md). Unlike a native query, plain JDBC does
 * not flush the persistence context first: a statement that depends on an entity stored earlier in
 * the transaction (a foreign key to it, say) needs {@code em.flush()} before it.
 */
public final class Jdbc {
  private Jdbc() {}

  /** Sets a statement's parameters. */
  @FunctionalInterface
  public interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  /** Reads the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Sets one item's parameters in a batch. */
  @FunctionalInterface
  public interface Item<T> {
    void set(PreparedStatement statement, T item) throws SQLException;
  }

  /** The first row, read by {@code row}; null when there is none. */
  public static <T> T first(EntityManager em, String sql, Parameters parameters, Row<T> row) {
    List<T> rows = all(em, sql, parameters, row, 1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Every row, read by {@code row}. */
  public static <T> List<T> all(EntityManager em, String sql, Parameters parameters, Row<T> row) {
    return all(em, sql, parameters, row, Integer.MAX_VALUE);
  }

  private static <T> List<T> all(
      EntityManager em, String sql, Parameters parameters, Row<T> row, int most) {
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                parameters.set(s);
                try (ResultSet rs = s.executeQuery()) {
                  List<T> rows = new ArrayList<>();
                  while (rows.size() < most && rs.next()) {
                    rows.add(row.read(rs));
                  }
                  return rows;
                }
              }
            });
  }

  /** Runs an insert, update or delete; the number of rows it changed. */
  public static int update(EntityManager em, String sql, Parameters parameters) {
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                parameters.set(s);
                return s.executeUpdate();
              }
            });
  }

  /** Runs the statement once for each item, all sent in one round trip (a JDBC batch). */
  public static <T> void batch(EntityManager em, String sql, List<T> items, Item<T> item) {
    if (items.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                for (T t : items) {
                  item.set(s, t);
                  s.addBatch();
                }
                s.executeBatch();
              }
            });
  }
}
