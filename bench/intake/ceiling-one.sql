-- pgbench script: the same rows as ceiling.sql, written by one statement (one round trip, one
-- implicit transaction, so concurrent clients share WAL flushes): the most PostgreSQL can store
-- of the service's intake on this machine. The goal is intake over HTTP at half of it or better.
\set key random(1, 1000000000000000)
WITH n AS (SELECT nextval('reference_pgb') AS n, gen_random_uuid() AS rid),
idem AS (INSERT INTO idempotency_record (agency_code, idempotency_key, request_hash, created_at, response_status, response_body, location)
  SELECT 'POLICE_METROPOLITAN', 'pgbench1-' || :client_id || '-' || :key, md5(:key::text) || md5(:client_id::text), now(), 201,
    'sealed:' || rid::text || ':' || repeat(md5(:key::text), 44), '/api/v1/referrals/' || rid::text FROM n),
ref AS (INSERT INTO referral (age_at_exploitation, age_disputed, age_group_at_referral, agency_code, cg_findings, competent_authority, consent_police_contact, consent_referral, consent_support, country_of_origin, county_lines, exploitation_location, exploitation_types, external_reference, gender, immigration_circumstances, indicator_catalogue_version, indicators, interpreter_needed, jurisdiction, kind, legal_hold, nationalities, overseas_countries, police_force, reference, rg_decision_target_date, status, status_since, submitted_at, submitted_by, support_needs, version, id)
  SELECT 'ADULT', false, 'ADULT', 'POLICE_METROPOLITAN', '{}', 'SCA', false, true, true, 'AL', false, 'UK_AND_OVERSEAS', '{SEXUAL,LABOUR}', 'CASE-1', 'FEMALE', '{}', 1, '{DEBT_BONDAGE,WITHHOLDS_DOCUMENTS,RESTRICTED_MOVEMENT}', true, 'ENGLAND_AND_WALES', 'NRM', false, '{AL}', '{IT}', 'METROPOLITAN',
    'PG1-2026-' || lpad(n::text, greatest(6, length(n::text)), '0'), current_date + 5, 'SUBMITTED', now(), now(), 'bench-partner', '{ACCOMMODATION,INTERPRETER}', 0, rid FROM n RETURNING id),
dk AS (INSERT INTO referral_data_key (referral_id, kek_id, wrapped_key) SELECT id, '3560d999d41d7de0', decode(md5(:key::text) || md5(id::text) || md5(:client_id::text) || 'aabbccdd', 'hex') FROM ref),
pd AS (INSERT INTO referral_personal_data (referral_id, sealed) SELECT id, decode(repeat(md5(id::text), 12), 'hex') FROM ref),
dup AS (SELECT m.referral_id FROM ref, unnest(ARRAY[md5(ref.id::text) || md5('1'), md5(ref.id::text) || md5('2'), md5(ref.id::text) || md5('3'), md5(ref.id::text) || md5('4')]) AS d(digest)
  CROSS JOIN LATERAL (SELECT b.referral_id FROM referral_blind_index b WHERE b.digest = d.digest ORDER BY b.seq DESC LIMIT 10) m),
bi AS (INSERT INTO referral_blind_index (referral_id, kind, kek_id, digest)
  SELECT id, k, '3560d999d41d7de0', md5(id::text) || md5(i::text) FROM ref, (VALUES (1, 'NAME_DATE_OF_BIRTH'), (2, 'NAME_NATIONALITY'), (3, 'NAME_DATE_OF_BIRTH'), (4, 'NAME_NATIONALITY')) v(i, k))
INSERT INTO audit_event (seq, occurred_at, action, referral_id, agency_code, actor, actor_role, actor_agency, actor_salt, actor_digest, from_status, to_status, request_id, details, event_digest, prev_hash, hash)
  SELECT nextval('audit_pgb'), now(), 'referral.submitted', id, 'POLICE_METROPOLITAN', 'bench-partner', 'partner', 'POLICE_METROPOLITAN', md5(id::text), md5(id::text) || md5(:key::text), NULL, 'SUBMITTED', id::text, '{"kind":"NRM","jurisdiction":"ENGLAND_AND_WALES"}'::jsonb, md5(:key::text) || md5(id::text), md5(:client_id::text) || md5(id::text), md5(id::text) || md5(:client_id::text)
  FROM ref, (SELECT count(*) FROM dup) c;
