-- After the first decision, as facts beside the status: reconsideration as a request the competent
-- authority accepts or declines (only an accepted request reopens a decision: status
-- RECONSIDERATION_REQUESTED; a declined one leaves it as it was), disqualification in place of the
-- flag, and support: emergency support, move-on support, ICTG referral, temporary leave, further RG.

ALTER TABLE agency ADD COLUMN support_provider boolean NOT NULL DEFAULT false;
-- The Salvation Army holds the Modern Slavery Victim Care Contract (England and Wales); admins mark
-- other support providers.
UPDATE agency SET support_provider = true WHERE code = 'SALVATION_ARMY';

CREATE TABLE reconsideration_request (
    id                       uuid PRIMARY KEY,
    referral_id              uuid NOT NULL REFERENCES referral (id),
    decision                 text NOT NULL CHECK (decision IN ('RG_NEGATIVE', 'CG_NEGATIVE', 'DISQUALIFICATION')),
    decided_on               date NOT NULL,
    due_by                   date NOT NULL,
    requested_at             timestamptz NOT NULL,
    requested_by             text NOT NULL,
    requesting_agency        text NOT NULL REFERENCES agency (code),
    -- Empty only for requests made before V20, whose grounds were not recorded.
    grounds                  text[] NOT NULL DEFAULT '{}'
        CHECK (grounds <@ ARRAY['ADDITIONAL_EVIDENCE', 'NOT_IN_LINE_WITH_GUIDANCE']),
    exceptional_circumstances boolean NOT NULL DEFAULT false,
    outcome                  text CHECK (outcome IN ('ACCEPTED', 'DECLINED')),
    outcome_at               timestamptz,
    outcome_by               text,
    version                  bigint NOT NULL DEFAULT 0,
    CHECK ((outcome IS NULL) = (outcome_at IS NULL) AND (outcome IS NULL) = (outcome_by IS NULL))
);
-- At most one request awaits an outcome per case.
CREATE UNIQUE INDEX reconsideration_request_pending_idx ON reconsideration_request (referral_id)
    WHERE outcome IS NULL;
CREATE INDEX reconsideration_request_referral_idx ON reconsideration_request (referral_id, requested_at);
CREATE INDEX reconsideration_request_agency_idx ON reconsideration_request (requesting_agency, requested_at DESC, id DESC);

-- Cases under reconsideration today were reopened at the referring agency's request alone: each
-- becomes an accepted request, made and accepted when the case entered RECONSIDERATION_REQUESTED,
-- by the referring agency, with its grounds not recorded.
INSERT INTO reconsideration_request (id, referral_id, decision, decided_on, due_by, requested_at,
        requested_by, requesting_agency, outcome, outcome_at, outcome_by)
SELECT gen_random_uuid(), r.id,
       CASE r.reconsidering WHEN 'REASONABLE_GROUNDS' THEN 'RG_NEGATIVE' ELSE 'CG_NEGATIVE' END,
       (CASE r.reconsidering WHEN 'REASONABLE_GROUNDS' THEN coalesce(r.rg_decided_at, e.occurred_at, r.status_since)
             ELSE coalesce(r.cg_decided_at, e.occurred_at, r.status_since) END AT TIME ZONE 'Europe/London')::date,
       (CASE r.reconsidering WHEN 'REASONABLE_GROUNDS' THEN coalesce(r.rg_decided_at, e.occurred_at, r.status_since)
             ELSE coalesce(r.cg_decided_at, e.occurred_at, r.status_since) END AT TIME ZONE 'Europe/London')::date + 30,
       coalesce(e.occurred_at, r.status_since), coalesce(e.actor, 'unknown (before V20)'), r.agency_code,
       'ACCEPTED', coalesce(e.occurred_at, r.status_since), 'V20: reopened at the request alone'
FROM referral r
LEFT JOIN LATERAL (
    SELECT a.occurred_at, a.actor FROM audit_event a
    WHERE a.referral_id = r.id AND a.to_status = 'RECONSIDERATION_REQUESTED'
      AND a.from_status IN ('RG_NEGATIVE', 'CG_NEGATIVE')
    ORDER BY a.seq DESC LIMIT 1) e ON true
WHERE r.reconsidering IS NOT NULL;

-- Disqualification (Nationality and Borders Act 2022 s.63): asked by one caseworker, confirmed by
-- a second, set aside on an accepted reconsideration.
CREATE TABLE disqualification (
    id            uuid PRIMARY KEY,
    referral_id   uuid NOT NULL REFERENCES referral (id),
    grounds       text NOT NULL CHECK (grounds IN ('PUBLIC_ORDER', 'BAD_FAITH')),
    on_status     text NOT NULL CHECK (on_status IN ('RG_POSITIVE', 'CG_POSITIVE')),
    requested_by  text NOT NULL,
    requested_at  timestamptz NOT NULL,
    confirmed_by  text,
    confirmed_at  timestamptz,
    withdrawn_at  timestamptz,
    set_aside_at  timestamptz,
    version       bigint NOT NULL DEFAULT 0,
    CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL)),
    CHECK (withdrawn_at IS NULL OR confirmed_at IS NULL),
    CHECK (set_aside_at IS NULL OR confirmed_at IS NOT NULL)
);
-- At most one disqualification held or in effect per case.
CREATE UNIQUE INDEX disqualification_live_idx ON disqualification (referral_id)
    WHERE withdrawn_at IS NULL AND set_aside_at IS NULL;

-- Today's PUBLIC_ORDER_DISQUALIFICATION flags become disqualifications in effect on public order
-- grounds, asked and confirmed when the flag was set (by its caseworker), on the status of then.
INSERT INTO disqualification (id, referral_id, grounds, on_status, requested_by, requested_at,
        confirmed_by, confirmed_at)
SELECT gen_random_uuid(), r.id, 'PUBLIC_ORDER',
       CASE WHEN r.status = 'CG_POSITIVE' AND r.cg_decided_at < coalesce(e.occurred_at, r.status_since)
            THEN 'CG_POSITIVE' ELSE 'RG_POSITIVE' END,
       coalesce(e.actor, 'unknown (before V20)'), coalesce(e.occurred_at, r.status_since),
       'V20: the flag set before disqualifications were reviewed', coalesce(e.occurred_at, r.status_since)
FROM referral r
LEFT JOIN LATERAL (
    SELECT a.occurred_at, a.actor FROM audit_event a
    WHERE a.referral_id = r.id AND a.action = 'referral.flag_set'
    ORDER BY a.seq DESC LIMIT 1) e ON true
WHERE 'PUBLIC_ORDER_DISQUALIFICATION' = ANY (r.flags);

ALTER TABLE referral
    DROP COLUMN flags,
    ADD COLUMN emergency_support_from      date,
    ADD COLUMN move_on_support_ends_on     date,
    ADD COLUMN ictg_referred_on            date,
    ADD COLUMN temporary_leave             text CHECK (temporary_leave IN ('GRANTED', 'REFUSED', 'HAS_LEAVE')),
    ADD COLUMN temporary_leave_at          timestamptz,
    ADD COLUMN further_rg_recovery_period  boolean,
    ADD CONSTRAINT referral_temporary_leave_complete CHECK ((temporary_leave IS NULL) = (temporary_leave_at IS NULL));

-- Move-on support after today's positive CGs: the default 45 days from the CG, in UK days.
UPDATE referral SET move_on_support_ends_on = (cg_decided_at AT TIME ZONE 'Europe/London')::date + 45
    WHERE status = 'CG_POSITIVE' AND cg_decided_at IS NOT NULL;

-- Further information asked of an agency at the RG or CG stage, with a due date; the question and
-- answer are sealed under the referral's data key (erasure destroys them with it).
CREATE TABLE information_request (
    id              uuid PRIMARY KEY,
    referral_id     uuid NOT NULL REFERENCES referral (id),
    stage           text NOT NULL CHECK (stage IN ('REASONABLE_GROUNDS', 'CONCLUSIVE_GROUNDS')),
    asked_of        text NOT NULL REFERENCES agency (code),
    asked_by        text NOT NULL,
    asked_at        timestamptz NOT NULL,
    due_on          date NOT NULL,
    question_sealed bytea NOT NULL,
    answer_sealed   bytea,
    answered_at     timestamptz,
    answered_by     text,
    extended_at     timestamptz,
    version         bigint NOT NULL DEFAULT 0,
    CHECK ((answer_sealed IS NULL) = (answered_at IS NULL) AND (answered_at IS NULL) = (answered_by IS NULL))
);
CREATE INDEX information_request_referral_idx ON information_request (referral_id, asked_at);
CREATE INDEX information_request_asked_of_idx ON information_request (asked_of, asked_at DESC, id DESC);
CREATE INDEX information_request_awaited_idx ON information_request (referral_id) WHERE answered_at IS NULL;
