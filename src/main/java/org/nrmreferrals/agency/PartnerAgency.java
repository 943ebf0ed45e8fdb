package org.nrmreferrals.agency;

import jakarta.enterprise.context.RequestScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;

/** The registered, active agency a partner token acts for, resolved once per request. */
@RequestScoped
public class PartnerAgency {
  // Every partner request reads its agency (AgencyGate), before any transaction: with plain JDBC
  // on a pooled connection, not through a Hibernate session opened for this one row (3-4% of an
  // intake's and of an audited read's CPU in profiles).
  private static final String FIND =
      "select code, name, type, active, support_provider, version, created_at, updated_at"
          + " from agency where code = ?";

  private final Caller caller;
  private final DataSource dataSource;
  private Agency agency;

  PartnerAgency(Caller caller, DataSource dataSource) {
    this.caller = caller;
    this.dataSource = dataSource;
  }

  /** The caller's agency; 403 when the token names none, an unknown one or a deactivated one. */
  public Agency current() {
    if (agency == null) {
      String code = caller.agencyCode();
      Agency found = code == null ? null : find(code);
      if (found == null || !found.isActive()) {
        throw ProblemException.forbidden(
            "The token's agency is not a registered, active first responder organisation.");
      }
      agency = found;
    }
    return agency;
  }

  private Agency find(String code) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setString(1, code);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return Agency.stored(
            row.getString(1),
            row.getString(2),
            AgencyType.valueOf(row.getString(3)),
            row.getBoolean(4),
            row.getBoolean(5),
            row.getLong(6),
            instant(row.getObject(7, OffsetDateTime.class)),
            instant(row.getObject(8, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The agency could not be read", e);
    }
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
