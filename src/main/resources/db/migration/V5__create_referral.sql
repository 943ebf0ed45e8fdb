-- A referral's coded facts. Everything that identifies the person lives apart, in
-- referral_personal_data, so statistics and lists never touch it.
CREATE TABLE referral (
    id                          uuid PRIMARY KEY,
    reference                   text NOT NULL UNIQUE,
    kind                        text NOT NULL CHECK (kind IN ('NRM', 'DUTY_TO_NOTIFY')),
    status                      text NOT NULL CHECK (status IN ('SUBMITTED', 'SUSPENDED', 'RG_POSITIVE', 'RG_NEGATIVE',
                                    'CG_POSITIVE', 'CG_NEGATIVE', 'RECONSIDERATION_REQUESTED', 'WITHDRAWN', 'NOTIFIED')),
    jurisdiction                text NOT NULL CHECK (jurisdiction IN ('ENGLAND_AND_WALES', 'SCOTLAND', 'NORTHERN_IRELAND')),
    agency_code                 text NOT NULL REFERENCES agency (code),
    submitted_by                text NOT NULL,
    submitted_at                timestamptz NOT NULL,
    external_reference          text CHECK (length(external_reference) <= 100),
    gender                      text NOT NULL CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'NOT_SPECIFIED')),
    estimated_age               integer CHECK (estimated_age BETWEEN 0 AND 120),
    nationalities               text[] NOT NULL CHECK (cardinality(nationalities) BETWEEN 1 AND 5),
    country_of_origin           text CHECK (country_of_origin ~ '^[A-Z]{2}$'),
    languages                   text[] NOT NULL DEFAULT '{}',
    interpreter_needed          boolean,
    age_at_exploitation         text NOT NULL CHECK (age_at_exploitation IN ('ADULT', 'CHILD', 'NOT_SPECIFIED')),
    exploitation_types          text[] NOT NULL CHECK (cardinality(exploitation_types) >= 1 AND exploitation_types <@
                                    ARRAY['LABOUR', 'SEXUAL', 'CRIMINAL', 'DOMESTIC_SERVITUDE', 'ORGAN_HARVESTING', 'NOT_SPECIFIED']),
    county_lines                boolean NOT NULL DEFAULT false,
    exploitation_location       text NOT NULL CHECK (exploitation_location IN ('UK', 'OVERSEAS', 'UK_AND_OVERSEAS', 'NOT_SPECIFIED')),
    overseas_countries          text[] NOT NULL DEFAULT '{}',
    police_force                text REFERENCES police_force (code),
    indicators                  text[] NOT NULL DEFAULT '{}',
    indicator_catalogue_version integer NOT NULL REFERENCES indicator_catalogue (version),
    consent_referral            boolean,
    consent_support             boolean,
    consent_police_contact      boolean,
    support_needs               text[] NOT NULL DEFAULT '{}',
    version                     bigint NOT NULL DEFAULT 0,
    CHECK (kind = 'NRM' OR (age_at_exploitation = 'ADULT' AND jurisdiction = 'ENGLAND_AND_WALES' AND status = 'NOTIFIED')),
    CHECK (county_lines = false OR 'CRIMINAL' = ANY (exploitation_types))
);

-- Listing: newest first, per agency for partners, across agencies for caseworkers.
CREATE INDEX referral_agency_submitted_idx ON referral (agency_code, submitted_at DESC, id DESC);
CREATE INDEX referral_submitted_idx ON referral (submitted_at DESC, id DESC);
CREATE INDEX referral_status_idx ON referral (status);
CREATE INDEX referral_kind_idx ON referral (kind);
CREATE INDEX referral_age_at_exploitation_idx ON referral (age_at_exploitation);
CREATE INDEX referral_country_of_origin_idx ON referral (country_of_origin);
CREATE INDEX referral_police_force_idx ON referral (police_force);
CREATE INDEX referral_indicator_catalogue_version_idx ON referral (indicator_catalogue_version);
CREATE INDEX referral_nationalities_idx ON referral USING gin (nationalities);
CREATE INDEX referral_exploitation_types_idx ON referral USING gin (exploitation_types);
