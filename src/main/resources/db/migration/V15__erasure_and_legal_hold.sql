-- Erasure by crypto-shredding: when a referral's data key is destroyed its personal data is
-- unrecoverable; the referral keeps its coded facts and records when that happened. A legal hold
-- blocks erasure.
ALTER TABLE referral ADD COLUMN personal_data_erased_at timestamptz;
ALTER TABLE referral ADD COLUMN legal_hold boolean NOT NULL DEFAULT false;
