-- Statistics. Each referral gets a dense slot number, so the in-memory statistics columns are
-- indexed by it without a map from id to slot. Decisions issued are read from the audit trail
-- through a partial index. A nationality may now be not known (an empty list), which
-- statistics count as NOT_SPECIFIED rather than dropping the person.
ALTER TABLE referral ADD COLUMN stats_slot integer GENERATED ALWAYS AS IDENTITY (START WITH 0 MINVALUE 0);

ALTER TABLE referral DROP CONSTRAINT referral_nationalities_check;
ALTER TABLE referral ADD CONSTRAINT referral_nationalities_check CHECK (cardinality(nationalities) <= 5);

CREATE INDEX audit_event_decision_idx ON audit_event (seq)
    WHERE action = 'referral.status_changed'
      AND to_status IN ('RG_POSITIVE', 'RG_NEGATIVE', 'CG_POSITIVE', 'CG_NEGATIVE');
