-- Versioned catalogue of indicators a first responder can record. A referral keeps the
-- version it was checked against; codes are never reused with another meaning.
CREATE TABLE indicator_catalogue (
    version      integer PRIMARY KEY CHECK (version > 0),
    published_on date NOT NULL,
    description  text NOT NULL
);

CREATE TABLE indicator (
    catalogue_version integer NOT NULL REFERENCES indicator_catalogue (version),
    code              text NOT NULL CHECK (code ~ '^[A-Z][A-Z_]{1,59}$'),
    label             text NOT NULL,
    indicator_group   text NOT NULL CHECK (indicator_group IN ('PHYSICAL', 'PSYCHOLOGICAL', 'SITUATIONAL', 'CONTROL')),
    htcds_name        text,
    PRIMARY KEY (catalogue_version, code)
);

INSERT INTO indicator_catalogue (version, published_on, description) VALUES
    (1, DATE '2026-11-22', 'Home Office "spot the signs" and HTCDS 2.0 methods of control');

INSERT INTO indicator (catalogue_version, code, label, indicator_group, htcds_name) VALUES
    (1, 'VISIBLE_INJURIES', 'Injuries that appear to come from assault or controlling measures', 'PHYSICAL', NULL),
    (1, 'MALNOURISHED', 'Appears malnourished', 'PHYSICAL', NULL),
    (1, 'UNKEMPT_APPEARANCE', 'Unkempt appearance, inappropriate clothing', 'PHYSICAL', NULL),
    (1, 'WITHDRAWN', 'Withdrawn, anxious or frightened', 'PSYCHOLOGICAL', NULL),
    (1, 'ISOLATION', 'Isolated: rarely alone, rarely allowed to travel on their own', 'SITUATIONAL', NULL),
    (1, 'UNDER_CONTROL_OF_OTHERS', 'Appears to be under the control or influence of others', 'SITUATIONAL', NULL),
    (1, 'POOR_LIVING_CONDITIONS', 'Poor, dirty or cramped living conditions', 'SITUATIONAL', NULL),
    (1, 'OVERCROWDED_ACCOMMODATION', 'Overcrowded accommodation', 'SITUATIONAL', NULL),
    (1, 'LIVES_AT_WORKPLACE', 'Lives and works at the same address', 'SITUATIONAL', NULL),
    (1, 'NO_IDENTITY_DOCUMENTS', 'Has no identity documents', 'SITUATIONAL', NULL),
    (1, 'FEW_POSSESSIONS', 'Few personal possessions, always wears the same clothes', 'SITUATIONAL', NULL),
    (1, 'RESTRICTED_MOVEMENT', 'Restricted freedom of movement', 'SITUATIONAL', NULL),
    (1, 'UNUSUAL_TRAVEL_TIMES', 'Dropped off and collected for work very early or late', 'SITUATIONAL', NULL),
    (1, 'RELUCTANCE_TO_SEEK_HELP', 'Reluctant to seek help or speak to strangers', 'PSYCHOLOGICAL', NULL),
    (1, 'FEAR_OF_AUTHORITIES', 'Afraid of the authorities, including the police', 'PSYCHOLOGICAL', NULL),
    (1, 'FEAR_OF_VIOLENCE_TO_FAMILY', 'Afraid of violence against themselves or their family', 'PSYCHOLOGICAL', NULL),
    (1, 'PHYSICAL_THREATS', 'Physical threats', 'CONTROL', 'PhysicalThreats'),
    (1, 'THREATS_OF_LAW_ENFORCEMENT', 'Threatened with the police, immigration or other authorities', 'CONTROL', 'ThreatsLawEnforcement'),
    (1, 'THREATS_TO_FAMILY', 'Threats against children or family', 'CONTROL', 'ThreatensChildrenFamily'),
    (1, 'DEBT_BONDAGE', 'Debt bondage: made to work off a debt', 'CONTROL', 'DebtBondage'),
    (1, 'FALSE_PROMISES', 'False promises about work, pay or conditions', 'CONTROL', 'FalsePromises'),
    (1, 'PHYSICAL_ABUSE', 'Physical abuse', 'CONTROL', 'PhysicalAbuse'),
    (1, 'SEXUAL_ABUSE', 'Sexual abuse', 'CONTROL', 'SexualAbuse'),
    (1, 'TAKES_EARNINGS', 'Earnings taken by someone else', 'CONTROL', 'TakesEarnings'),
    (1, 'RESTRICTS_FINANCIAL_ACCESS', 'No control of, or access to, their own money', 'CONTROL', 'RestrictsFinancialAccess'),
    (1, 'RESTRICTS_MEDICAL_CARE', 'Medical care restricted or refused', 'CONTROL', 'RestrictsMedicalCare'),
    (1, 'WITHHOLDS_NECESSITIES', 'Food, water, sleep or other necessities withheld', 'CONTROL', 'WithholdsNecessities'),
    (1, 'PSYCHOLOGICAL_ABUSE', 'Psychological abuse', 'CONTROL', 'PsychologicalAbuse'),
    (1, 'PSYCHOACTIVE_SUBSTANCES', 'Made dependent on alcohol or drugs', 'CONTROL', 'PsychoactiveSubstance'),
    (1, 'EXCESSIVE_WORKING_HOURS', 'Excessive working hours', 'CONTROL', 'ExcessiveWorkingHours'),
    (1, 'WITHHOLDS_DOCUMENTS', 'Identity or travel documents held by someone else', 'CONTROL', 'WithholdsDocuments'),
    (1, 'OTHER_CONTROL', 'Another method of control', 'CONTROL', 'Other');
