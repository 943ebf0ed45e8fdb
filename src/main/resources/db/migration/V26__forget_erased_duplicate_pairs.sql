-- Erasure now forgets a referral's likely-duplicate pairs (that two referrals are one person is
-- derived from the erased names and dates of birth). Referrals erased before this release keep
-- theirs until now.
DELETE FROM referral_duplicate d
 USING referral r
 WHERE r.personal_data_erased_at IS NOT NULL
   AND (d.referral_id = r.id OR d.other_id = r.id);
