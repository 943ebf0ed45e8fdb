-- Reference numbers come from one PostgreSQL sequence per kind and year (reference_nrm_2026,
-- reference_dtn_2026), made by the service the first time a year needs one: taking a number no
-- longer locks a shared row until the intake commits, so intakes stop queuing on it. A number taken
-- by an intake that then rolls back is lost (a gap), never reused. Each year counted so far
-- continues from its counter, and the counter table goes: one source of numbers.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT prefix, year, last_value FROM reference_counter LOOP
        EXECUTE format('CREATE SEQUENCE %I START WITH %s',
                       'reference_' || lower(r.prefix) || '_' || r.year, r.last_value + 1);
    END LOOP;
END
$$;
DROP TABLE reference_counter;
