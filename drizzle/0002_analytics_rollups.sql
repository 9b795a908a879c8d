CREATE TABLE "chat_rollups" (
	"organization_id" bigint NOT NULL,
	"dimension" text NOT NULL,
	"value" text,
	"bucket" timestamp (3) with time zone NOT NULL,
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
	"token_sum" numeric NOT NULL,
	CONSTRAINT "chat_rollups_key" UNIQUE NULLS NOT DISTINCT("organization_id","dimension","value","bucket")
);
--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "message_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Summary and end-user/percentile queries over a date range read these columns from the index alone.
DROP INDEX "chats_org_created_idx";--> statement-breakpoint
CREATE INDEX "chats_org_created_idx" ON "chats" USING btree ("organization_id", "created_at", "id") INCLUDE ("user_id", "avg_response_time");--> statement-breakpoint
UPDATE "chats" c SET "message_count" = m.n
  FROM (SELECT "organization_id", "chat_id", count(*) AS n FROM "messages" GROUP BY 1, 2) m
  WHERE c."organization_id" = m."organization_id" AND c."id" = m."chat_id";--> statement-breakpoint
-- Adds what the rows `new_rows` contribute to chat_rollups and takes away what `old_rows` did
-- (an update passes both). Each chat counts once per dimension: in the 'all' row of its hour, and
-- in the row of its value for each other dimension (one row per tag). Rows are upserted in key
-- order, so that concurrent transactions lock them in the same order and cannot deadlock.
CREATE FUNCTION chat_rollups_merge(old_rows chats[], new_rows chats[]) RETURNS void LANGUAGE sql AS $$
  WITH changed AS (
    SELECT -1 AS sign, o.* FROM unnest(old_rows) AS o
    UNION ALL
    SELECT 1 AS sign, n.* FROM unnest(new_rows) AS n
  ), dims AS (
    SELECT c.*, d.dimension, d.value FROM changed c
    CROSS JOIN LATERAL (VALUES
      ('all', NULL::text),
      ('question_category', c.question_category),
      ('sentiment', c.sentiment),
      ('country_code', c.country_code),
      ('language_code', c.language_code),
      ('user_rating', c.user_rating::text),
      ('is_escalated', c.is_escalated::text),
      ('is_forwarded_to_hr', c.is_forwarded_to_hr::text)
    ) AS d(dimension, value)
    UNION ALL
    SELECT c.*, 'tag', t.tag FROM changed c
    CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL::text] ELSE c.tags END) AS t(tag)
  ), delta AS (
    SELECT organization_id, dimension, value, date_trunc('hour', created_at, 'UTC') AS bucket,
      sum(sign) AS chats,
      sum(sign * message_count) AS messages,
      sum(sign) FILTER (WHERE is_escalated IS NOT NULL) AS escalation_known,
      sum(sign) FILTER (WHERE is_escalated) AS escalated,
      sum(sign) FILTER (WHERE is_forwarded_to_hr IS NOT NULL) AS hr_known,
      sum(sign) FILTER (WHERE is_forwarded_to_hr) AS hr_forwarded,
      sum(sign) FILTER (WHERE avg_response_time IS NOT NULL) AS response_time_count,
      sum(sign * avg_response_time) AS response_time_sum,
      sum(sign) FILTER (WHERE user_rating IS NOT NULL) AS rated,
      sum(sign * user_rating) AS rating_sum,
      sum(sign) FILTER (WHERE user_rating >= 4) AS satisfied,
      sum(sign) FILTER (WHERE token_count IS NOT NULL) AS token_count_count,
      sum(sign * token_count::numeric) AS token_sum
    FROM dims
    GROUP BY 1, 2, 3, 4
  )
  INSERT INTO chat_rollups AS r
  SELECT organization_id, dimension, value, bucket, chats, messages,
    coalesce(escalation_known, 0), coalesce(escalated, 0), coalesce(hr_known, 0), coalesce(hr_forwarded, 0),
    coalesce(response_time_count, 0), coalesce(response_time_sum, 0), coalesce(rated, 0), coalesce(rating_sum, 0),
    coalesce(satisfied, 0), coalesce(token_count_count, 0), coalesce(token_sum, 0)
  FROM delta
  -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
  WHERE (chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum,
         rated, rating_sum, satisfied, token_count_count, token_sum)
        IS DISTINCT FROM (0, 0, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, 0)
  ORDER BY organization_id, dimension, value, bucket
  ON CONFLICT (organization_id, dimension, value, bucket) DO UPDATE SET
    chats = r.chats + excluded.chats,
    messages = r.messages + excluded.messages,
    escalation_known = r.escalation_known + excluded.escalation_known,
    escalated = r.escalated + excluded.escalated,
    hr_known = r.hr_known + excluded.hr_known,
    hr_forwarded = r.hr_forwarded + excluded.hr_forwarded,
    response_time_count = r.response_time_count + excluded.response_time_count,
    response_time_sum = r.response_time_sum + excluded.response_time_sum,
    rated = r.rated + excluded.rated,
    rating_sum = r.rating_sum + excluded.rating_sum,
    satisfied = r.satisfied + excluded.satisfied,
    token_count_count = r.token_count_count + excluded.token_count_count,
    token_sum = r.token_sum + excluded.token_sum
$$;--> statement-breakpoint
SELECT chat_rollups_merge('{}'::chats[], ARRAY(SELECT c FROM chats c));--> statement-breakpoint
CREATE FUNCTION chats_rollups_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chat_rollups_merge('{}'::chats[], ARRAY(SELECT n::chats FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM chat_rollups_merge(ARRAY(SELECT o::chats FROM old_rows o), ARRAY(SELECT n::chats FROM new_rows n));
  ELSE
    PERFORM chat_rollups_merge(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[]);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER chats_rollups_insert AFTER INSERT ON chats REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION chats_rollups_trigger();--> statement-breakpoint
CREATE TRIGGER chats_rollups_update AFTER UPDATE ON chats REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION chats_rollups_trigger();--> statement-breakpoint
CREATE TRIGGER chats_rollups_delete AFTER DELETE ON chats REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION chats_rollups_trigger();--> statement-breakpoint
-- chats.message_count follows the messages table.
CREATE FUNCTION messages_count_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE chats c SET message_count = c.message_count + m.n
      FROM (SELECT organization_id, chat_id, count(*) AS n FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2) m
      WHERE c.organization_id = m.organization_id AND c.id = m.chat_id;
  ELSE
    UPDATE chats c SET message_count = c.message_count - m.n
      FROM (SELECT organization_id, chat_id, count(*) AS n FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2) m
      WHERE c.organization_id = m.organization_id AND c.id = m.chat_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER messages_count_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION messages_count_trigger();--> statement-breakpoint
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION messages_count_trigger();
