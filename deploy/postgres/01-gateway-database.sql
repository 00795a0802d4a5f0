-- The card gateway's database next to the command side's (POSTGRES_DB): each runs its own deadline scheduler on its
-- own scheduled_tasks table, which must not be shared. The services create their tables at start.
CREATE DATABASE jpki_gateway OWNER jpki;
