-- One database per service, as in production (docs/ARCHITECTURE.md: each service owns
-- its database). Runs once, when the Postgres volume is first initialised.
CREATE DATABASE omni_identity;
CREATE DATABASE omni_segment;
CREATE DATABASE omni_decisioning;
CREATE DATABASE omni_journey;
CREATE DATABASE omni_channel;
CREATE DATABASE omni_insights;
