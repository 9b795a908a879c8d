CREATE TABLE "chat_hour_sketches" (
	"organization_id" bigint NOT NULL,
	"hour" timestamp (3) with time zone NOT NULL,
	"version" bigint NOT NULL,
	"built_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"chats" bigint NOT NULL,
	"users" "bytea" NOT NULL,
	"response_time_bins" integer[] NOT NULL,
	"response_time_counts" bigint[] NOT NULL,
	CONSTRAINT "chat_hour_sketches_organization_id_hour_pk" PRIMARY KEY("organization_id","hour")
);
--> statement-breakpoint
CREATE TABLE "chat_hour_versions" (
	"organization_id" bigint NOT NULL,
	"hour" timestamp (3) with time zone NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "chat_hour_versions_organization_id_hour_pk" PRIMARY KEY("organization_id","hour")
);
--> statement-breakpoint
ALTER TABLE "chat_hour_sketches" ADD CONSTRAINT "chat_hour_sketches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The hours that exist so far, at version 1 (as 0017 did for days).
INSERT INTO "chat_hour_versions" ("organization_id", "hour", "version")
SELECT "organization_id", "bucket", 1 FROM "chat_rollups" WHERE "dimension" = 'all' AND "chats" > 0
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- As in 0017, and: counts the pending rows it takes per UTC hour into chat_hour_versions too.
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
  ), hour_versions AS (
    INSERT INTO chat_hour_versions AS v (organization_id, hour, version)
    SELECT t.organization_id, t.bucket, count(*) FROM taken t GROUP BY 1, 2
    ON CONFLICT (organization_id, hour) DO UPDATE SET version = v.version + excluded.version
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
