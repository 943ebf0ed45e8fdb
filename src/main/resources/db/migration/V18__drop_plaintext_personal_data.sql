-- Personal data has been sealed (one document per referral, AES-256-GCM under the referral's own
-- data key) since V14, and languages with it since a later release of V17. The release before this
-- one sealed, at start-up, whatever an earlier one had stored in clear: the personal-data columns
-- of rows written before V14, and the languages kept on the referral. Those columns are empty on a
-- database that release has started; this drops them, and refuses (dropping nothing) on a database
-- that still holds anything in clear. Older replicas still read and write these columns: stop them
-- all before the first replica of this release starts (docs/operations.md, "Upgrading to V18").
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM referral_personal_data
               WHERE sealed IS NULL OR given_name IS NOT NULL OR family_name IS NOT NULL
                  OR cardinality(aliases) > 0 OR date_of_birth IS NOT NULL OR phone IS NOT NULL
                  OR email IS NOT NULL OR address IS NOT NULL OR account IS NOT NULL)
       OR EXISTS (SELECT 1 FROM referral WHERE cardinality(languages) > 0) THEN
        RAISE EXCEPTION 'personal data is still stored in clear: start the previous release once'
            ' (it seals it at start-up), then upgrade';
    END IF;
END
$$;

ALTER TABLE referral_personal_data
    DROP COLUMN given_name,
    DROP COLUMN family_name,
    DROP COLUMN aliases,
    DROP COLUMN date_of_birth,
    DROP COLUMN phone,
    DROP COLUMN email,
    DROP COLUMN address,
    DROP COLUMN account,
    ALTER COLUMN sealed SET NOT NULL;

ALTER TABLE referral DROP COLUMN languages;
