-- Personal data is encrypted in the application (envelope encryption): one AES-256-GCM data key
-- per referral, stored only wrapped by a key-encryption key from configuration (kek_id names it).
CREATE TABLE referral_data_key (
    referral_id uuid PRIMARY KEY REFERENCES referral (id),
    kek_id      text NOT NULL,
    wrapped_key bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The personal fields as one sealed JSON document. The plaintext columns stay (empty) until every
-- row written before this migration has been sealed at start-up; a later migration drops them.
ALTER TABLE referral_personal_data ADD COLUMN sealed bytea;
