-- Issue 13 (security): the refresh token's associated data names the geolocation (SecretBox context
-- "connections.refresh_token:<company>@<geolocation>"), so a row whose geolocation is changed no longer decrypts.
-- 1 = written before this migration (context without the geolocation): bound on the next start, load or rotate-key;
-- 2 = bound. One script for PostgreSQL and H2 in PostgreSQL mode.
alter table connections add column token_binding smallint default 1 not null;
