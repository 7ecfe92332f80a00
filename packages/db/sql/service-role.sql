-- Rights for the role the services run as (woo_service), given by the owner role that created
-- the database and ran the migrations (woo_owner). Run as woo_owner after every migration that
-- adds tables:  psql "postgres://woo_owner@host/woo" -f packages/db/sql/service-role.sql
-- The service role can read and write the data, and append to the audit log, but cannot create,
-- alter or drop anything: not the audit log's append-only trigger, not the table itself.
REVOKE ALL ON DATABASE woo FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE woo TO woo_service;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO woo_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO woo_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO woo_service;
-- the trigger refuses these too; without the right they are refused before it even runs
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM woo_service;
-- the migrations table is the owner's business
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM woo_service;
