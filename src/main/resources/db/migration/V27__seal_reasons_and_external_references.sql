-- Free-text reasons and the referring agency's own case reference usually name the person, so
-- they are now sealed under the referral's data key like its personal data: erasure, which
-- destroys the key, erases them too. The chain never held them (only a reason's salted digest),
-- so it verifies as before.
--
-- Reasons: sealed text beside the clear column, which only releases before this one wrote. The
-- application seals what is still clear at start-up (SealedText); a later migration drops the
-- clear columns once no row holds anything in them. Not a rolling upgrade: an older replica's
-- sequencer would not carry a sealed reason into the chain.
ALTER TABLE audit_event_reason ADD COLUMN sealed bytea;
ALTER TABLE audit_event_reason ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE audit_event_reason ADD CONSTRAINT audit_event_reason_one_form
    CHECK (num_nonnulls(reason, sealed) = 1);
CREATE INDEX audit_event_reason_clear_idx ON audit_event_reason (seq) WHERE reason IS NOT NULL;
ALTER TABLE audit_pending ADD COLUMN reason_sealed bytea;

-- The external reference moves into the referral's sealed personal data (the same start-up job).
CREATE INDEX referral_external_reference_clear_idx ON referral (id)
    WHERE external_reference IS NOT NULL;

-- An erased referral's data key is gone, so what it would be sealed under is gone too: its reasons
-- and external reference are forgotten now (the chain keeps each reason's digest). A likely-
-- duplicate decision names its referral in its details.
DELETE FROM audit_event_reason x
 USING audit_event e, referral r
 WHERE x.seq = e.seq
   AND r.id = coalesce(e.referral_id, cast(e.details->>'referralId' AS uuid))
   AND r.personal_data_erased_at IS NOT NULL;
UPDATE audit_pending p SET reason = NULL
  FROM referral r
 WHERE r.id = coalesce(p.referral_id, cast(p.details->>'referralId' AS uuid))
   AND r.personal_data_erased_at IS NOT NULL
   AND p.reason IS NOT NULL;
UPDATE referral SET external_reference = NULL
 WHERE personal_data_erased_at IS NOT NULL AND external_reference IS NOT NULL;
