-- Every police force is a first responder in its own right.
INSERT INTO agency (code, name, type)
SELECT 'POLICE_' || regexp_replace(code, '^POLICE_', ''), name, 'POLICE' FROM police_force;

INSERT INTO agency (code, name, type) VALUES
    ('UKVI', 'Home Office: UK Visas and Immigration', 'GOVERNMENT_AGENCY'),
    ('BORDER_FORCE', 'Home Office: Border Force', 'GOVERNMENT_AGENCY'),
    ('IMMIGRATION_ENFORCEMENT', 'Home Office: Immigration Enforcement', 'GOVERNMENT_AGENCY'),
    ('NCA', 'National Crime Agency', 'GOVERNMENT_AGENCY'),
    ('GLAA', 'Gangmasters and Labour Abuse Authority', 'GOVERNMENT_AGENCY'),
    ('HSCT_BELFAST', 'Belfast Health and Social Care Trust', 'LOCAL_AUTHORITY'),
    ('HSCT_NORTHERN', 'Northern Health and Social Care Trust', 'LOCAL_AUTHORITY'),
    ('HSCT_SOUTH_EASTERN', 'South Eastern Health and Social Care Trust', 'LOCAL_AUTHORITY'),
    ('HSCT_SOUTHERN', 'Southern Health and Social Care Trust', 'LOCAL_AUTHORITY'),
    ('HSCT_WESTERN', 'Western Health and Social Care Trust', 'LOCAL_AUTHORITY'),
    ('SALVATION_ARMY', 'The Salvation Army', 'NGO'),
    ('MIGRANT_HELP', 'Migrant Help', 'NGO'),
    ('MEDAILLE_TRUST', 'Medaille Trust', 'NGO'),
    ('KALAYAAN', 'Kalayaan', 'NGO'),
    ('BARNARDOS', 'Barnardo''s', 'NGO'),
    ('UNSEEN', 'Unseen', 'NGO'),
    ('TARA', 'Trafficking Awareness Raising Alliance (TARA)', 'NGO'),
    ('NSPCC', 'NSPCC', 'NGO'),
    ('BAWSO', 'BAWSO', 'NGO'),
    ('NEW_PATHWAYS', 'New Pathways', 'NGO'),
    ('REFUGEE_COUNCIL', 'Refugee Council', 'NGO');
