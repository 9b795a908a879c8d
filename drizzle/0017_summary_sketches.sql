CREATE TABLE "chat_day_sketch_builds" (
	"organization_id" bigint NOT NULL,
	"day" timestamp (3) with time zone NOT NULL,
	"version" bigint NOT NULL,
	"built_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_day_sketch_builds_organization_id_day_pk" PRIMARY KEY("organization_id","day")
);
--> statement-breakpoint
CREATE TABLE "chat_day_sketches" (
	"organization_id" bigint NOT NULL,
	"day" timestamp (3) with time zone NOT NULL,
	"dimension" text NOT NULL,
	"value" text,
	"chats" bigint NOT NULL,
	"users" "bytea" NOT NULL,
	"response_time_bins" integer[] NOT NULL,
	"response_time_counts" bigint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_day_versions" (
	"organization_id" bigint NOT NULL,
	"day" timestamp (3) with time zone NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "chat_day_versions_organization_id_day_pk" PRIMARY KEY("organization_id","day")
);
--> statement-breakpoint
ALTER TABLE "chat_day_sketch_builds" ADD CONSTRAINT "chat_day_sketch_builds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_day_sketches" ADD CONSTRAINT "chat_day_sketches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_day_sketches_cell" ON "chat_day_sketches" USING btree ("organization_id","dimension","day","value");--> statement-breakpoint
-- The days that exist so far, at version 1 (any number will do: a build records the version it saw).
INSERT INTO "chat_day_versions" ("organization_id", "day", "version")
SELECT "organization_id", "bucket", 1 FROM "chat_daily_rollups" WHERE "dimension" = 'all' AND "chats" > 0
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- As in 0016, and: an update that changes a chat's user_id or avg_response_time appends a row of
-- zero sums for the chat's hour, so that the day's version moves (what the per-day sketches of
-- distinct end users and response times depend on; no sum sees a new user_id).
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
    -- What the sketches see and no sum does: a version bump of zero sums (the fold applies none).
    INSERT INTO chat_rollup_pending
    SELECT DISTINCT n.organization_id, date_trunc('hour', n.created_at, 'UTC'), NULL::text, NULL::text, NULL::text, NULL::text,
      NULL::smallint, NULL::boolean, NULL::boolean, '{}'::text[], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
    WHERE n.user_id IS DISTINCT FROM o.user_id OR n.avg_response_time IS DISTINCT FROM o.avg_response_time;
  ELSE
    INSERT INTO chat_rollup_pending
    SELECT c.* FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[])) AS c;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- As in 0016, and: counts the pending rows it takes per UTC day into chat_day_versions, in the same
-- transaction (a day's version is that count plus the day's rows still pending: what a reader
-- adds up in one snapshot). Rows of zero sums (version bumps) are counted and not applied.
CREATE OR REPLACE FUNCTION chat_rollups_fold(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
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
  ), versions AS (
    INSERT INTO chat_day_versions AS v (organization_id, day, version)
    SELECT t.organization_id, date_trunc('day', t.bucket, 'UTC'), count(*) FROM taken t GROUP BY 1, 2
    ON CONFLICT (organization_id, day) DO UPDATE SET version = v.version + excluded.version
  ), combined AS (
    -- Thousands of statements' rows, summed per combination: one GROUP BY, then each rollup row is
    -- written once however many chats it counts.
    SELECT ROW(t.organization_id, t.bucket, t.question_category, t.sentiment, t.country_code, t.language_code,
      t.user_rating, t.is_escalated, t.is_forwarded_to_hr, t.tags,
      sum(t.chats), sum(t.messages), sum(t.escalation_known), sum(t.escalated), sum(t.hr_known), sum(t.hr_forwarded),
      sum(t.response_time_count), sum(t.response_time_sum), sum(t.rated), sum(t.rating_sum), sum(t.satisfied),
      sum(t.token_count_count), sum(t.token_sum))::chat_rollup_combo AS combo
    FROM taken t
    WHERE (t.chats, t.messages, t.escalation_known, t.escalated, t.hr_known, t.hr_forwarded, t.response_time_count, t.response_time_sum, t.rated, t.rating_sum, t.satisfied, t.token_count_count, t.token_sum)
      IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    GROUP BY t.organization_id, t.bucket, t.question_category, t.sentiment, t.country_code, t.language_code,
      t.user_rating, t.is_escalated, t.is_forwarded_to_hr, t.tags
  )
  SELECT (SELECT count(*) FROM taken), ARRAY(SELECT combo FROM combined) INTO folded, changes;
  IF folded > 0 AND cardinality(changes) > 0 THEN
    PERFORM chat_rollups_apply(changes);
    PERFORM chat_pair_rollups_apply(changes);
  END IF;
  RETURN folded;
END $$;
