-- The holder of a bucket's lease as columns: who, on which host, as which
-- process, rather than one string parsed back. Leases taken before this
-- migration keep their string in `holder` and no host, so they are not taken
-- over as dead; they run out within one lease (30 s by default).
ALTER TABLE bucket_locks ADD COLUMN holder_host TEXT NOT NULL DEFAULT '',
    ADD COLUMN holder_pid BIGINT NOT NULL DEFAULT 0;
