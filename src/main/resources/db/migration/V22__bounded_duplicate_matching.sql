-- Duplicate matching reads only the newest rows of a digest, so its cost per intake is bounded
-- however many earlier referrals share a name and date of birth: each blind-index row gets the
-- order it was indexed in (existing rows numbered as they lie), and an index by digest gives a
-- digest's newest rows first without a visit to the table. It replaces the index by digest alone.
-- Existing likely-duplicate pairs are kept as they are: some have been confirmed or dismissed.
ALTER TABLE referral_blind_index ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX referral_blind_index_digest_seq_idx
    ON referral_blind_index (digest, seq DESC) INCLUDE (referral_id, kind);
DROP INDEX referral_blind_index_digest_idx;
