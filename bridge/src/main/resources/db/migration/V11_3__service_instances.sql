-- Issue 13 (security): every running service (web application) writes a heartbeat here, so that operator commands that
-- must not run next to a service (rotate-key) can refuse. A stopped service deletes its row; a killed one's row goes
-- stale. One script for PostgreSQL and H2 in PostgreSQL mode.
create table service_instances (
    instance_name varchar(200) primary key,
    started_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null
);
