-- A referral's place in the statutory workflow: its deadlines, the decisions made, a negative
-- decision held for a second caseworker, the stage a reconsideration returns to, and flags.
-- Reasons are not stored here: they belong to the audit event of the change (audit_event_reason).
ALTER TABLE referral
    ADD COLUMN rg_decision_due_by      date,
    ADD COLUMN rg_decided_at           timestamptz,
    ADD COLUMN recovery_period_ends_on date,
    ADD COLUMN cg_decided_at           timestamptz,
    ADD COLUMN cg_outcome              text CHECK (cg_outcome IN ('HUMAN_TRAFFICKING', 'SLAVERY_SERVITUDE_FORCED_LABOUR')),
    ADD COLUMN reconsidering           text CHECK (reconsidering IN ('REASONABLE_GROUNDS', 'CONCLUSIVE_GROUNDS')),
    ADD COLUMN pending_status          text CHECK (pending_status IN ('RG_NEGATIVE', 'CG_NEGATIVE')),
    ADD COLUMN pending_requested_by    text,
    ADD COLUMN pending_requested_at    timestamptz,
    ADD COLUMN flags                   text[] NOT NULL DEFAULT '{}'
                                       CHECK (flags <@ ARRAY['PUBLIC_ORDER_DISQUALIFICATION']),
    ADD CONSTRAINT referral_pending_complete CHECK (
        (pending_status IS NULL) = (pending_requested_by IS NULL)
        AND (pending_status IS NULL) = (pending_requested_at IS NULL)),
    ADD CONSTRAINT referral_reconsidering_status CHECK (
        reconsidering IS NULL OR status = 'RECONSIDERATION_REQUESTED');

-- Caseworkers' backlog queries: overdue RG decisions and positive RGs awaiting a CG.
CREATE INDEX referral_rg_due_idx ON referral (rg_decision_due_by) WHERE status = 'SUBMITTED';
CREATE INDEX referral_rg_decided_idx ON referral (rg_decided_at) WHERE status = 'RG_POSITIVE';
