CREATE TABLE "chat_daily_rollups" (
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
	CONSTRAINT "chat_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("organization_id","dimension","bucket","value")
);
--> statement-breakpoint
ALTER TABLE "chat_rollups" DROP CONSTRAINT "chat_rollups_key";--> statement-breakpoint
ALTER TABLE "chat_rollups" ADD CONSTRAINT "chat_rollups_key" UNIQUE NULLS NOT DISTINCT("organization_id","dimension","bucket","value");--> statement-breakpoint
-- chat_daily_rollups: the sums of chat_rollups per UTC day, written by the same statements (one
-- delta per statement, upserted into both tables). Both keys are now (organization, dimension,
-- bucket, value), so that a time range of one dimension is one index range.
INSERT INTO chat_daily_rollups
SELECT organization_id, dimension, value, date_trunc('day', bucket, 'UTC'), sum(chats), sum(messages), sum(escalation_known), sum(escalated), sum(hr_known), sum(hr_forwarded), sum(response_time_count), sum(response_time_sum), sum(rated), sum(rating_sum), sum(satisfied), sum(token_count_count), sum(token_sum)
FROM chat_rollups
GROUP BY organization_id, dimension, value, date_trunc('day', bucket, 'UTC');--> statement-breakpoint
CREATE OR REPLACE FUNCTION chat_rollups_merge(old_rows chats[], new_rows chats[]) RETURNS void LANGUAGE sql AS $$
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
  ), grouped AS (
    SELECT organization_id, dimension, value, date_trunc('hour', created_at, 'UTC') AS bucket,
      sum(sign) AS chats,
      sum(sign * message_count) AS messages,
      coalesce(sum(sign) FILTER (WHERE is_escalated IS NOT NULL), 0) AS escalation_known,
      coalesce(sum(sign) FILTER (WHERE is_escalated), 0) AS escalated,
      coalesce(sum(sign) FILTER (WHERE is_forwarded_to_hr IS NOT NULL), 0) AS hr_known,
      coalesce(sum(sign) FILTER (WHERE is_forwarded_to_hr), 0) AS hr_forwarded,
      coalesce(sum(sign) FILTER (WHERE avg_response_time IS NOT NULL), 0) AS response_time_count,
      coalesce(sum(sign * avg_response_time), 0) AS response_time_sum,
      coalesce(sum(sign) FILTER (WHERE user_rating IS NOT NULL), 0) AS rated,
      coalesce(sum(sign * user_rating), 0) AS rating_sum,
      coalesce(sum(sign) FILTER (WHERE user_rating >= 4), 0) AS satisfied,
      coalesce(sum(sign) FILTER (WHERE token_count IS NOT NULL), 0) AS token_count_count,
      coalesce(sum(sign * token_count::numeric), 0) AS token_sum
    FROM dims
    GROUP BY 1, 2, 3, 4
  ), delta AS (
    -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
    SELECT * FROM grouped
    WHERE (chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ), hourly AS (
    INSERT INTO chat_rollups AS r
    SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum
    FROM delta
    -- Rows are upserted in key order, so that concurrent transactions lock them in the same order
    -- and cannot deadlock (every path takes the daily rows, then the hourly ones).
    ORDER BY organization_id, dimension, bucket, value
    ON CONFLICT (organization_id, dimension, bucket, value) DO UPDATE SET
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
  )
  INSERT INTO chat_daily_rollups AS r
  SELECT organization_id, dimension, value, date_trunc('day', bucket, 'UTC'), sum(chats), sum(messages), sum(escalation_known), sum(escalated), sum(hr_known), sum(hr_forwarded), sum(response_time_count), sum(response_time_sum), sum(rated), sum(rating_sum), sum(satisfied), sum(token_count_count), sum(token_sum)
  FROM delta
  GROUP BY organization_id, dimension, value, date_trunc('day', bucket, 'UTC')
  ORDER BY organization_id, dimension, date_trunc('day', bucket, 'UTC'), value
  ON CONFLICT (organization_id, dimension, bucket, value) DO UPDATE SET
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
-- Inserts (the ingest hot path) aggregate the statement's transition table directly, in a PL/pgSQL
-- statement whose plan is cached for the session (see 0004); updates and deletes use
-- chat_rollups_merge.
CREATE OR REPLACE FUNCTION chats_rollups_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH delta AS (
      SELECT n.organization_id, d.dimension, d.value, date_trunc('hour', n.created_at, 'UTC') AS bucket,
        count(*) AS chats,
        sum(n.message_count) AS messages,
        count(*) FILTER (WHERE n.is_escalated IS NOT NULL) AS escalation_known,
        count(*) FILTER (WHERE n.is_escalated) AS escalated,
        count(*) FILTER (WHERE n.is_forwarded_to_hr IS NOT NULL) AS hr_known,
        count(*) FILTER (WHERE n.is_forwarded_to_hr) AS hr_forwarded,
        count(*) FILTER (WHERE n.avg_response_time IS NOT NULL) AS response_time_count,
        coalesce(sum(n.avg_response_time), 0) AS response_time_sum,
        count(*) FILTER (WHERE n.user_rating IS NOT NULL) AS rated,
        coalesce(sum(n.user_rating), 0) AS rating_sum,
        count(*) FILTER (WHERE n.user_rating >= 4) AS satisfied,
        count(*) FILTER (WHERE n.token_count IS NOT NULL) AS token_count_count,
        coalesce(sum(n.token_count::numeric), 0) AS token_sum
      FROM new_rows n
      CROSS JOIN LATERAL (
        SELECT 'all'::text, NULL::text
        UNION ALL VALUES
          ('question_category', n.question_category),
          ('sentiment', n.sentiment),
          ('country_code', n.country_code),
          ('language_code', n.language_code),
          ('user_rating', n.user_rating::text),
          ('is_escalated', n.is_escalated::text),
          ('is_forwarded_to_hr', n.is_forwarded_to_hr::text)
        UNION ALL
        SELECT 'tag', t.tag FROM unnest(CASE WHEN cardinality(n.tags) = 0 THEN ARRAY[NULL::text] ELSE n.tags END) AS t(tag)
      ) AS d(dimension, value)
      GROUP BY 1, 2, 3, 4
    ), hourly AS (
    INSERT INTO chat_rollups AS r
    SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum
    FROM delta
    -- Rows are upserted in key order, so that concurrent transactions lock them in the same order
    -- and cannot deadlock (every path takes the daily rows, then the hourly ones).
    ORDER BY organization_id, dimension, bucket, value
    ON CONFLICT (organization_id, dimension, bucket, value) DO UPDATE SET
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
  )
  INSERT INTO chat_daily_rollups AS r
  SELECT organization_id, dimension, value, date_trunc('day', bucket, 'UTC'), sum(chats), sum(messages), sum(escalation_known), sum(escalated), sum(hr_known), sum(hr_forwarded), sum(response_time_count), sum(response_time_sum), sum(rated), sum(rating_sum), sum(satisfied), sum(token_count_count), sum(token_sum)
  FROM delta
  GROUP BY organization_id, dimension, value, date_trunc('day', bucket, 'UTC')
  ORDER BY organization_id, dimension, date_trunc('day', bucket, 'UTC'), value
  ON CONFLICT (organization_id, dimension, bucket, value) DO UPDATE SET
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
      token_sum = r.token_sum + excluded.token_sum;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM chat_rollups_merge(ARRAY(SELECT o::chats FROM old_rows o), ARRAY(SELECT n::chats FROM new_rows n));
  ELSE
    PERFORM chat_rollups_merge(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[]);
  END IF;
  RETURN NULL;
END $$;
