-- Blind index: keyed digests (HMAC-SHA256) of normalised name with date of birth and with each
-- nationality, so likely earlier referrals of the same person are found without decryption.
CREATE TABLE referral_blind_index (
    referral_id uuid NOT NULL REFERENCES referral (id),
    kind        text NOT NULL,
    kek_id      text NOT NULL,
    digest      text NOT NULL
);
CREATE INDEX referral_blind_index_digest_idx ON referral_blind_index (digest);
CREATE INDEX referral_blind_index_referral_idx ON referral_blind_index (referral_id);

-- A likely duplicate pair, newer referral first, until a caseworker confirms or dismisses it.
CREATE TABLE referral_duplicate (
    referral_id uuid NOT NULL REFERENCES referral (id),
    other_id    uuid NOT NULL REFERENCES referral (id),
    matched_on  text[] NOT NULL,
    status      text NOT NULL DEFAULT 'POSSIBLE'
                CHECK (status IN ('POSSIBLE', 'CONFIRMED', 'DISMISSED')),
    found_at    timestamptz NOT NULL,
    decided_by  text,
    decided_at  timestamptz,
    PRIMARY KEY (referral_id, other_id)
);
CREATE INDEX referral_duplicate_other_idx ON referral_duplicate (other_id);
