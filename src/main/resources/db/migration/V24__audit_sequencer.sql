-- Sequencing off the request path (issue 24). A request no longer locks the chain's head until it
-- commits: it stores its events in audit_pending, unsequenced, and one sequencer (whichever
-- instance holds the advisory lock for that batch) moves committed events into the chain in
-- batches, numbering and linking them. The chain, the feed, webhooks and checkpoints read only
-- sequenced events (audit_event, up to audit_head), so the feed stays gap-free and in chain order.
CREATE TABLE audit_pending (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    action        text NOT NULL,
    referral_id   uuid,
    agency_code   text,
    actor         text NOT NULL,
    actor_role    text NOT NULL,
    actor_agency  text,
    actor_salt    text NOT NULL,
    actor_digest  text NOT NULL,
    from_status   text,
    to_status     text,
    request_id    text NOT NULL,
    details       jsonb NOT NULL DEFAULT '{}',
    event_digest  text NOT NULL,
    reason        text
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
-- A queue: rows live about a second. A referral's history shows its events before they are
-- sequenced too.
CREATE INDEX audit_pending_referral_idx ON audit_pending (referral_id) WHERE referral_id IS NOT NULL;

-- An event stored unsequenced cannot know its seq, so the digest of an event sequenced from now on
-- covers its public fields without seq: its place is fixed by the chain's link instead
-- (hash = SHA-256(prevHash || eventDigest)). Events up to receipted_after keep the digest they
-- were written with (seq included). Receipts and proofs look events up by digest.
ALTER TABLE audit_head ADD COLUMN receipted_after bigint;
ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only;
UPDATE audit_head SET receipted_after = seq;
ALTER TABLE audit_head ENABLE TRIGGER audit_head_forward_only;
ALTER TABLE audit_head ALTER COLUMN receipted_after SET NOT NULL;
CREATE INDEX audit_event_digest_idx ON audit_event (event_digest);

-- The head now moves forward by a batch at a time; the boundary never moves.
CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.seq <= OLD.seq OR NEW.receipted_after <> OLD.receipted_after THEN
        RAISE EXCEPTION 'audit_head only moves forward'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Merkle tree tiles (RFC 9162 hashing) over the sequenced events' digests, beside the chain: the
-- root of each complete subtree of 2^level leaves (level 8, 16, 24 ...), at its index among its
-- level's subtrees. A cache that makes inclusion and consistency proofs logarithmic; the sequencer
-- writes them, the verification checks them against the events.
CREATE TABLE audit_tree_tile (
    level  smallint NOT NULL CHECK (level > 0 AND level % 8 = 0),
    idx    bigint NOT NULL CHECK (idx >= 0),
    hash   bytea NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, idx)
);
