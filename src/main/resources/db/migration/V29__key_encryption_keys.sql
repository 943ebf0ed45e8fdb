-- The key-encryption keys the service has used: when each was first configured, and when it was
-- retired (every data key, digest and webhook secret moved to a later key, the key itself to be
-- destroyed). A retired key configured again stops the start. A backup taken while a key was in
-- use can only be read with that key, so retiring it ends what erasure left readable there.
CREATE TABLE key_encryption_key (
    kek_id        text PRIMARY KEY,
    first_used_at timestamptz NOT NULL,
    retired_at    timestamptz,
    retired_by    text,
    CHECK ((retired_at IS NULL) = (retired_by IS NULL))
);
-- Keys already in use are recorded from now: a data key's created_at is not when its present
-- wrapping was made (a re-wrap keeps it), so it cannot date the key that wraps it.
INSERT INTO key_encryption_key (kek_id, first_used_at)
SELECT DISTINCT kek_id, now() FROM referral_data_key;
