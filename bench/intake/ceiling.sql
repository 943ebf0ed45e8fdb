-- pgbench script (run with -M extended: variables are bound parameters): the rows of one intake
-- of the service, in the statements, order, sizes and round trips PostgreSQL's log showed for
-- POST /api/v1/referrals with an Idempotency-Key, with the Java work taken out: no JSON, no
-- encryption, no hashing. Only what PostgreSQL must do to store those rows: the audit event goes
-- straight to its table with a seq from a sequence (audit_pgb), no chain lock and no sequencer,
-- which are the service's design, not PostgreSQL's cost. The random referral id comes back from
-- the first insert, as the service makes it before its first write.
\set key random(1, 1000000000000000)
BEGIN;
SELECT nextval('reference_pgb') AS n \gset
INSERT INTO idempotency_record (agency_code, idempotency_key, request_hash, created_at)
  VALUES ('POLICE_METROPOLITAN', 'pgbench-' || :client_id || '-' || :key, md5(:key::text) || md5(:client_id::text), now())
  ON CONFLICT DO NOTHING RETURNING gen_random_uuid() AS rid \gset
SELECT pf1_0.code, pf1_0.name, pf1_0.nation FROM police_force pf1_0 WHERE pf1_0.code = 'METROPOLITAN';
SELECT null, a1_0.active, a1_0.created_at, a1_0.name, a1_0.type, a1_0.updated_at, a1_0.version FROM agency a1_0 WHERE a1_0.code = 'POLICE_METROPOLITAN';
SELECT ca1_0.code, ca1_0.active, ca1_0.created_at, ca1_0.kind, ca1_0.local_authorities, ca1_0.name, ca1_0.updated_at, ca1_0.version FROM competent_authority ca1_0 WHERE ca1_0.active = true;
INSERT INTO referral (age_assessed_at, age_at_exploitation, age_disputed, age_group_at_referral, agency_code, assessed_age_group, assigned_at, assignee, cg_decided_at, cg_findings, child_local_authority, competent_authority, consent_police_contact, consent_referral, consent_support, country_of_origin, county_lines, estimated_age, exploitation_location, exploitation_types, external_reference, gender, immigration_circumstances, indicator_catalogue_version, indicators, interpreter_needed, jurisdiction, kind, legal_hold, nationalities, overseas_countries, pending_requested_at, pending_requested_by, pending_status, personal_data_erased_at, police_force, reconsidering, recovery_period_ends_on, reference, rg_decided_at, rg_decision_target_date, status, status_since, submitted_at, submitted_by, support_needs, support_period_ends_on, suspended_from, version, id)
  VALUES (NULL, 'ADULT', false, 'ADULT', 'POLICE_METROPOLITAN', NULL, NULL, NULL, NULL, '{}', NULL, 'SCA', false, true, true, 'AL', false, NULL, 'UK_AND_OVERSEAS', '{SEXUAL,LABOUR}', 'CASE-1', 'FEMALE', '{}', 1, '{DEBT_BONDAGE,WITHHOLDS_DOCUMENTS,RESTRICTED_MOVEMENT}', true, 'ENGLAND_AND_WALES', 'NRM', false, '{AL}', '{IT}', NULL, NULL, NULL, NULL, 'METROPOLITAN', NULL, NULL, 'PGB-2026-' || lpad(:n::text, greatest(6, length(:n::text)), '0'), NULL, current_date + 5, 'SUBMITTED', now(), now(), 'bench-partner', '{ACCOMMODATION,INTERPRETER}', NULL, NULL, 0, (:rid)::uuid);
INSERT INTO referral_data_key (referral_id, kek_id, wrapped_key) VALUES ((:rid)::uuid, '3560d999d41d7de0', decode(md5(:key::text) || md5((:rid)::text) || md5(:client_id::text) || 'aabbccdd', 'hex'));
INSERT INTO referral_personal_data (referral_id, sealed) VALUES ((:rid)::uuid, decode(repeat(md5((:rid)::text), 12), 'hex'));
SELECT m.referral_id, m.kind, m.seq FROM unnest(ARRAY[md5((:rid)::text) || md5('1'), md5((:rid)::text) || md5('2'), md5((:rid)::text) || md5('3'), md5((:rid)::text) || md5('4')]) AS d(digest) CROSS JOIN LATERAL (SELECT b.referral_id, b.kind, b.seq FROM referral_blind_index b WHERE b.digest = d.digest AND b.referral_id <> (:rid)::uuid ORDER BY b.seq DESC LIMIT 10) m ORDER BY m.seq DESC;
INSERT INTO referral_blind_index (referral_id, kind, kek_id, digest) VALUES ((:rid)::uuid, 'NAME_DATE_OF_BIRTH', '3560d999d41d7de0', md5((:rid)::text) || md5('1'));
INSERT INTO referral_blind_index (referral_id, kind, kek_id, digest) VALUES ((:rid)::uuid, 'NAME_NATIONALITY', '3560d999d41d7de0', md5((:rid)::text) || md5('2'));
INSERT INTO referral_blind_index (referral_id, kind, kek_id, digest) VALUES ((:rid)::uuid, 'NAME_DATE_OF_BIRTH', '3560d999d41d7de0', md5((:rid)::text) || md5('3'));
INSERT INTO referral_blind_index (referral_id, kind, kek_id, digest) VALUES ((:rid)::uuid, 'NAME_NATIONALITY', '3560d999d41d7de0', md5((:rid)::text) || md5('4'));
UPDATE idempotency_record SET response_status = 201, response_body = 'sealed:' || (:rid)::text || ':' || repeat(md5(:key::text), 44), location = '/api/v1/referrals/' || (:rid)::text
  WHERE agency_code = 'POLICE_METROPOLITAN' AND idempotency_key = 'pgbench-' || :client_id || '-' || :key;
INSERT INTO audit_event (seq, occurred_at, action, referral_id, agency_code, actor, actor_role, actor_agency, actor_salt, actor_digest, from_status, to_status, request_id, details, event_digest, prev_hash, hash)
  VALUES (nextval('audit_pgb'), now(), 'referral.submitted', (:rid)::uuid, 'POLICE_METROPOLITAN', 'bench-partner', 'partner', 'POLICE_METROPOLITAN', md5((:rid)::text), md5((:rid)::text) || md5(:key::text), NULL, 'SUBMITTED', (:rid)::text, '{"kind":"NRM","jurisdiction":"ENGLAND_AND_WALES"}'::jsonb, md5(:key::text) || md5((:rid)::text), md5(:client_id::text) || md5((:rid)::text), md5((:rid)::text) || md5(:client_id::text));
COMMIT;
