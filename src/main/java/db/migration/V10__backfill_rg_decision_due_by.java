package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneId;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.WorkingDays;

/**
 * Gives referrals made before deadlines existed their RG due date (5 working days of their
 * jurisdiction after the UK day of submission), then requires one on every NRM referral. Written in
 * Java because bank holidays come from the holiday library, not from SQL.
 */
public class V10__backfill_rg_decision_due_by extends BaseJavaMigration {
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final int RG_WORKING_DAYS = 5;

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, jurisdiction, submitted_at FROM referral"
                    + " WHERE kind = 'NRM' AND rg_decision_due_by IS NULL");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE referral SET rg_decision_due_by = ? WHERE id = ?")) {
      while (rows.next()) {
        Jurisdiction jurisdiction = Jurisdiction.valueOf(rows.getString("jurisdiction"));
        Timestamp submitted = rows.getTimestamp("submitted_at");
        var day = submitted.toInstant().atZone(UK).toLocalDate();
        update.setObject(1, WorkingDays.after(jurisdiction, day, RG_WORKING_DAYS));
        update.setObject(2, rows.getObject("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement alter = connection.createStatement()) {
      alter.execute(
          "ALTER TABLE referral ADD CONSTRAINT referral_rg_due_for_nrm"
              + " CHECK ((kind = 'NRM') = (rg_decision_due_by IS NOT NULL))");
    }
  }
}
