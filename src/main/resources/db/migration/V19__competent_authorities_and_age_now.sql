-- Cases owned by a competent authority, caseworker queues, consent by the person's age now, CG
-- findings as a set, suspension before the CG resuming where it was, and the support period apart
-- from the minimum time before a CG.

-- The bodies that decide cases: data, so that a new child decision-making panel is a row.
CREATE TABLE competent_authority (
    code              text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,39}$'),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind              text NOT NULL CHECK (kind IN ('SCA', 'IECA', 'CHILD_PANEL')),
    local_authorities text[] NOT NULL DEFAULT '{}',
    active            boolean NOT NULL DEFAULT true,
    version           bigint NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (kind = 'CHILD_PANEL' OR cardinality(local_authorities) = 0),
    CHECK (kind = 'CHILD_PANEL' OR active)
);
-- One SCA and one IECA: allocation names them by kind.
CREATE UNIQUE INDEX competent_authority_one_of_kind_idx ON competent_authority (kind)
    WHERE kind IN ('SCA', 'IECA');
INSERT INTO competent_authority (code, name, kind) VALUES
    ('SCA', 'Single Competent Authority', 'SCA'),
    ('IECA', 'Immigration Enforcement Competent Authority', 'IECA');

ALTER TABLE referral
    ADD COLUMN competent_authority       text REFERENCES competent_authority (code),
    ADD COLUMN assignee                  text CHECK (length(assignee) BETWEEN 1 AND 200),
    ADD COLUMN assigned_at               timestamptz,
    ADD COLUMN age_group_at_referral     text CHECK (age_group_at_referral IN ('ADULT', 'CHILD', 'UNKNOWN_POSSIBLY_CHILD')),
    ADD COLUMN age_disputed              boolean NOT NULL DEFAULT false,
    ADD COLUMN assessed_age_group        text CHECK (assessed_age_group IN ('ADULT', 'CHILD')),
    ADD COLUMN age_assessed_at           timestamptz,
    ADD COLUMN immigration_circumstances text[] NOT NULL DEFAULT '{}'
        CHECK (immigration_circumstances <@ ARRAY['IN_IMMIGRATION_DETENTION', 'FOREIGN_NATIONAL_OFFENDER',
                                                  'IN_IMMIGRATION_ENFORCEMENT_PROCESS']),
    ADD COLUMN child_local_authority     text REFERENCES agency (code),
    ADD COLUMN suspended_from            text CHECK (suspended_from IN ('SUBMITTED', 'RG_POSITIVE', 'RECONSIDERATION_REQUESTED')),
    ADD COLUMN cg_findings               text[] NOT NULL DEFAULT '{}'
        CHECK (cg_findings <@ ARRAY['HUMAN_TRAFFICKING', 'SLAVERY_SERVITUDE_FORCED_LABOUR']),
    ADD COLUMN support_period_ends_on    date;

-- Existing rows. No referral named an IECA circumstance before, so every case is the SCA's (a
-- caseworker transfers one that is the IECA's). The age now is not stored and the date of birth is
-- sealed, so it is taken from the estimated age where given, otherwise from what the earlier API
-- treated as the age: ADULT stays ADULT (and a Duty to Notify report was always an adult's), CHILD
-- stays CHILD, NOT_SPECIFIED is presumed a child (MSA 2015 s.51) until a caseworker assesses it.
UPDATE referral SET
    competent_authority = 'SCA',
    age_group_at_referral = CASE
        WHEN kind = 'DUTY_TO_NOTIFY' THEN 'ADULT'
        WHEN estimated_age IS NOT NULL AND estimated_age >= 18 THEN 'ADULT'
        WHEN estimated_age IS NOT NULL THEN 'CHILD'
        WHEN age_at_exploitation = 'ADULT' THEN 'ADULT'
        WHEN age_at_exploitation = 'CHILD' THEN 'CHILD'
        ELSE 'UNKNOWN_POSSIBLY_CHILD' END,
    cg_findings = CASE WHEN cg_outcome IS NULL THEN '{}' ELSE ARRAY[cg_outcome] END,
    suspended_from = CASE WHEN status = 'SUSPENDED' THEN 'SUBMITTED' END;

-- The support period after a positive RG, and Scotland's minimum time before a CG, which was the
-- 90-day support period by mistake: the defaults of nrm.deadlines (support 30/90/45 days, minimum
-- before a CG 30 days in Scotland) in the jurisdiction's calendar, Europe/London.
UPDATE referral SET support_period_ends_on = (rg_decided_at AT TIME ZONE 'Europe/London')::date
        + CASE jurisdiction WHEN 'ENGLAND_AND_WALES' THEN 30 WHEN 'SCOTLAND' THEN 90 ELSE 45 END
    WHERE recovery_period_ends_on IS NOT NULL;
UPDATE referral SET recovery_period_ends_on = (rg_decided_at AT TIME ZONE 'Europe/London')::date + 30
    WHERE jurisdiction = 'SCOTLAND' AND recovery_period_ends_on IS NOT NULL;

ALTER TABLE referral
    ALTER COLUMN competent_authority SET NOT NULL,
    ALTER COLUMN age_group_at_referral SET NOT NULL,
    DROP COLUMN cg_outcome,
    -- A Duty to Notify report is for an adult now, whatever their age when exploited.
    DROP CONSTRAINT referral_check,
    ADD CONSTRAINT referral_duty_to_notify_adult CHECK (kind = 'NRM' OR (
        age_group_at_referral = 'ADULT' AND NOT age_disputed
        AND jurisdiction = 'ENGLAND_AND_WALES' AND status = 'NOTIFIED')),
    ADD CONSTRAINT referral_assignment_complete CHECK ((assignee IS NULL) = (assigned_at IS NULL)),
    ADD CONSTRAINT referral_age_assessment_complete CHECK (
        (assessed_age_group IS NULL) = (age_assessed_at IS NULL)),
    ADD CONSTRAINT referral_suspended_from CHECK ((status = 'SUSPENDED') = (suspended_from IS NOT NULL)),
    ADD CONSTRAINT referral_cg_findings CHECK (cardinality(cg_findings) = 0 OR status = 'CG_POSITIVE'),
    DROP CONSTRAINT referral_reconsidering_status,
    ADD CONSTRAINT referral_reconsidering_status CHECK (reconsidering IS NULL
        OR status = 'RECONSIDERATION_REQUESTED'
        OR (status = 'SUSPENDED' AND suspended_from = 'RECONSIDERATION_REQUESTED'));

-- The RG date is a target ("where possible"), not a statutory deadline.
ALTER TABLE referral RENAME COLUMN rg_decision_due_by TO rg_decision_target_date;
ALTER INDEX referral_rg_due_idx RENAME TO referral_rg_target_idx;

-- A caseworker's list and queues: one authority's cases, newest or oldest first, and mine.
CREATE INDEX referral_authority_submitted_idx ON referral (competent_authority, submitted_at DESC, id DESC);
CREATE INDEX referral_assignee_idx ON referral (competent_authority, assignee, submitted_at, id)
    WHERE assignee IS NOT NULL;
CREATE INDEX referral_child_local_authority_idx ON referral (child_local_authority);

-- Held decisions, legal holds and assignment are the authority's own steps: partners' webhooks
-- no longer carry them. Deliveries queued before are withheld, and subscriptions drop the names.
UPDATE webhook_delivery d SET status = 'FAILED', next_attempt_at = NULL,
        last_error = 'withheld: the event is internal to the competent authority'
    FROM audit_event e
    WHERE d.event_seq = e.seq AND d.status = 'PENDING'
      AND e.action IN ('referral.decision_requested', 'referral.decision_withdrawn',
                       'referral.legal_hold_set', 'referral.legal_hold_released');
UPDATE webhook_subscription SET active = false,
        disabled_reason = 'it named only events internal to the competent authority'
    WHERE events <@ ARRAY['referral.decision_requested', 'referral.decision_withdrawn',
                          'referral.legal_hold_set', 'referral.legal_hold_released'];
UPDATE webhook_subscription SET events = ARRAY(
        SELECT unnest(events) EXCEPT SELECT unnest(ARRAY['referral.decision_requested',
            'referral.decision_withdrawn', 'referral.legal_hold_set', 'referral.legal_hold_released']))
    WHERE active AND events && ARRAY['referral.decision_requested', 'referral.decision_withdrawn',
                                     'referral.legal_hold_set', 'referral.legal_hold_released'];
