-- Retention: a retention period runs from the moment a referral entered its current status, so
-- each referral records that moment. Existing referrals take it from their last status change in
-- the audit trail, or from submission.
ALTER TABLE referral ADD COLUMN status_since timestamptz;

UPDATE referral r
   SET status_since = coalesce(
       (SELECT max(e.occurred_at) FROM audit_event e
         WHERE e.referral_id = r.id AND e.action = 'referral.status_changed'),
       r.submitted_at);

ALTER TABLE referral ALTER COLUMN status_since SET NOT NULL;

-- What the retention job looks for: referrals in a status whose personal data is not erased yet.
CREATE INDEX referral_retention_idx ON referral (status, status_since)
    WHERE personal_data_erased_at IS NULL;
