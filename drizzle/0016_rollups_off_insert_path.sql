CREATE TABLE "chat_rollup_pending" (
	"organization_id" bigint NOT NULL,
	"bucket" timestamp (3) with time zone NOT NULL,
	"question_category" text,
	"sentiment" text,
	"country_code" text,
	"language_code" text,
	"user_rating" smallint,
	"is_escalated" boolean,
	"is_forwarded_to_hr" boolean,
	"tags" text[] NOT NULL,
	"chats" bigint NOT NULL,
	"messages" bigint NOT NULL,
	"escalation_known" bigint NOT NULL,
	"escalated" bigint NOT NULL,
	"hr_known" bigint NOT NULL,
	"hr_forwarded" bigint NOT NULL,
	"response_time_count" bigint NOT NULL,
	"response_time_sum" double precision NOT NULL,
	"rated" bigint NOT NULL,
	"rating_sum" bigint NOT NULL,
	"satisfied" bigint NOT NULL,
	"token_count_count" bigint NOT NULL,
	"token_sum" numeric NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chat_rollup_pending_org_bucket" ON "chat_rollup_pending" USING btree ("organization_id","bucket");--> statement-breakpoint
-- A queue: every row is deleted within moments of its insert. Vacuumed after every 10,000 dead rows
-- whatever the table's size (PostgreSQL's default waits for a fifth of it), so that its pages are
-- reused instead of the table growing by every chat written. The folder also vacuums it itself
-- (src/analytics/fold/worker.ts): autovacuum looks only once a minute, and PGlite has none.
ALTER TABLE "chat_rollup_pending" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000);--> statement-breakpoint
-- The rollups leave the insert path. Until now every write of chats upserted its ~55 rollup rows
-- (hourly, daily, daily pairs) inside its own transaction, and a message did it again through the
-- message count: on varied traffic that write amplification held ingest below PostgreSQL's own
-- one-transaction-per-chat rate. Now a write appends its changes, summed per combination of the
-- rolled-up fields, to chat_rollup_pending (one row for a single chat), and chat_rollups_fold moves
-- them into the rollups in large batches. Analytics read the rollups plus the pending rows, so an
-- answer is exact as soon as the write has committed.
CREATE OR REPLACE FUNCTION chats_rollups_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The ingest hot path: the transition table summed per combination, nothing else.
    INSERT INTO chat_rollup_pending
    SELECT n.organization_id, date_trunc('hour', n.created_at, 'UTC'), n.question_category, n.sentiment,
      n.country_code, n.language_code, n.user_rating, n.is_escalated, n.is_forwarded_to_hr, n.tags,
      count(*), sum(n.message_count),
      count(*) FILTER (WHERE n.is_escalated IS NOT NULL), count(*) FILTER (WHERE n.is_escalated),
      count(*) FILTER (WHERE n.is_forwarded_to_hr IS NOT NULL), count(*) FILTER (WHERE n.is_forwarded_to_hr),
      count(*) FILTER (WHERE n.avg_response_time IS NOT NULL), coalesce(sum(n.avg_response_time), 0),
      count(*) FILTER (WHERE n.user_rating IS NOT NULL), coalesce(sum(n.user_rating), 0),
      count(*) FILTER (WHERE n.user_rating >= 4),
      count(*) FILTER (WHERE n.token_count IS NOT NULL), coalesce(sum(n.token_count::numeric), 0)
    FROM new_rows n
    GROUP BY n.organization_id, date_trunc('hour', n.created_at, 'UTC'), n.question_category, n.sentiment,
      n.country_code, n.language_code, n.user_rating, n.is_escalated, n.is_forwarded_to_hr, n.tags;
  ELSIF TG_OP = 'UPDATE' THEN
    -- An update adds its new rows and takes away its old ones (a message: +n messages, one row). A
    -- change of nothing rolled up (a title, updated_at) appends nothing.
    INSERT INTO chat_rollup_pending
    SELECT c.* FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), ARRAY(SELECT n::chats FROM new_rows n))) AS c
    WHERE (c.chats, c.messages, c.escalation_known, c.escalated, c.hr_known, c.hr_forwarded, c.response_time_count, c.response_time_sum, c.rated, c.rating_sum, c.satisfied, c.token_count_count, c.token_sum)
      IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  ELSE
    INSERT INTO chat_rollup_pending
    SELECT c.* FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[])) AS c;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Moves up to max_rows pending rows into the rollups, in one transaction: the rows are deleted as
-- they are added, so a fold that dies half-way (the process killed, the connection lost) rolls back
-- whole and nothing is counted twice or lost. One fold at a time per database (an advisory lock):
-- several server instances may all call it; the others get -1 and try again later. Returns how many
-- pending rows it folded.
CREATE FUNCTION chat_rollups_fold(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changes chat_rollup_combo[];
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('chat_rollups_fold')) THEN
    RETURN -1;
  END IF;
  WITH taken AS (
    DELETE FROM chat_rollup_pending
    -- Through the index: a sequential scan would read every dead row that earlier folds left at
    -- the start of the table (until VACUUM), again in each fold; the index skips them once marked.
    WHERE ctid = ANY (ARRAY(SELECT p.ctid FROM chat_rollup_pending p ORDER BY p.organization_id, p.bucket LIMIT max_rows))
    RETURNING *
  ), combined AS (
    -- Thousands of statements' rows, summed per combination: one GROUP BY, then each rollup row is
    -- written once however many chats it counts.
    SELECT ROW(t.organization_id, t.bucket, t.question_category, t.sentiment, t.country_code, t.language_code,
      t.user_rating, t.is_escalated, t.is_forwarded_to_hr, t.tags,
      sum(t.chats), sum(t.messages), sum(t.escalation_known), sum(t.escalated), sum(t.hr_known), sum(t.hr_forwarded),
      sum(t.response_time_count), sum(t.response_time_sum), sum(t.rated), sum(t.rating_sum), sum(t.satisfied),
      sum(t.token_count_count), sum(t.token_sum))::chat_rollup_combo AS combo
    FROM taken t
    GROUP BY t.organization_id, t.bucket, t.question_category, t.sentiment, t.country_code, t.language_code,
      t.user_rating, t.is_escalated, t.is_forwarded_to_hr, t.tags
  )
  SELECT (SELECT count(*) FROM taken), ARRAY(SELECT combo FROM combined) INTO folded, changes;
  IF folded > 0 THEN
    PERFORM chat_rollups_apply(changes);
    PERFORM chat_pair_rollups_apply(changes);
  END IF;
  RETURN folded;
END $$;
