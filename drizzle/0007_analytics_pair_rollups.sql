CREATE TABLE "chat_daily_pair_rollups" (
	"organization_id" bigint NOT NULL,
	"dimension_a" text NOT NULL,
	"value_a" text,
	"dimension_b" text NOT NULL,
	"value_b" text,
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
	CONSTRAINT "chat_daily_pair_rollups_key" UNIQUE NULLS NOT DISTINCT("organization_id","dimension_a","dimension_b","bucket","value_a","value_b")
);
--> statement-breakpoint
-- What every write of chats adds to the rollups, as sums per distinct combination of the rolled-up
-- fields (sign-weighted: an update adds its new rows and takes away its old ones). The insert,
-- update and delete paths each build these and hand them to chat_rollups_apply and
-- chat_pair_rollups_apply, the only places that turn them into rollup rows.
CREATE TYPE chat_rollup_combo AS (
  organization_id bigint, bucket timestamptz, question_category text, sentiment text, country_code text,
  language_code text, user_rating smallint, is_escalated boolean, is_forwarded_to_hr boolean, tags text[],
  chats bigint, messages bigint, escalation_known bigint, escalated bigint, hr_known bigint, hr_forwarded bigint,
  response_time_count bigint, response_time_sum double precision, rated bigint, rating_sum bigint,
  satisfied bigint, token_count_count bigint, token_sum numeric
);--> statement-breakpoint
-- The pair rows of combinations (bucket: any instant of the day). The pairs are every two of the
-- fields in this order: country_code, is_escalated, is_forwarded_to_hr, language_code,
-- question_category, sentiment, user_rating, tag (PAIR_DIMENSIONS in src/analytics/plan.ts);
-- dimension_a comes first in it, so tag is always dimension_b. Two tags of one chat make no pair.
-- A generic plan, cached for the session: a custom plan per call (PostgreSQL's default for a
-- statement with a parameter) took longer to plan than to run for a statement's few combinations.
CREATE FUNCTION chat_pair_rollups_apply(changes chat_rollup_combo[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH c AS (
    SELECT x.organization_id, date_trunc('day', x.bucket, 'UTC') AS bucket, x.question_category, x.sentiment,
      x.country_code, x.language_code, x.user_rating, x.is_escalated, x.is_forwarded_to_hr, x.tags,
      x.chats, x.messages, x.escalation_known, x.escalated, x.hr_known, x.hr_forwarded, x.response_time_count,
      x.response_time_sum, x.rated, x.rating_sum, x.satisfied, x.token_count_count, x.token_sum
    FROM unnest(changes) AS x
  ), per_pair AS (
    -- One grouping set per pair; dimension_a is the pair's first grouped field in the order above,
    -- dimension_b its last.
    SELECT c.organization_id, c.bucket,
      CASE WHEN GROUPING(c.country_code) = 0 THEN 'country_code' WHEN GROUPING(c.is_escalated) = 0 THEN 'is_escalated'
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr' WHEN GROUPING(c.language_code) = 0 THEN 'language_code'
        WHEN GROUPING(c.question_category) = 0 THEN 'question_category' WHEN GROUPING(c.sentiment) = 0 THEN 'sentiment'
        ELSE 'user_rating' END AS dimension_a,
      CASE WHEN GROUPING(c.country_code) = 0 THEN c.country_code WHEN GROUPING(c.is_escalated) = 0 THEN c.is_escalated::text
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN c.is_forwarded_to_hr::text WHEN GROUPING(c.language_code) = 0 THEN c.language_code
        WHEN GROUPING(c.question_category) = 0 THEN c.question_category WHEN GROUPING(c.sentiment) = 0 THEN c.sentiment
        ELSE c.user_rating::text END AS value_a,
      CASE WHEN GROUPING(c.user_rating) = 0 THEN 'user_rating' WHEN GROUPING(c.sentiment) = 0 THEN 'sentiment'
        WHEN GROUPING(c.question_category) = 0 THEN 'question_category' WHEN GROUPING(c.language_code) = 0 THEN 'language_code'
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr' WHEN GROUPING(c.is_escalated) = 0 THEN 'is_escalated'
        ELSE 'country_code' END AS dimension_b,
      CASE WHEN GROUPING(c.user_rating) = 0 THEN c.user_rating::text WHEN GROUPING(c.sentiment) = 0 THEN c.sentiment
        WHEN GROUPING(c.question_category) = 0 THEN c.question_category WHEN GROUPING(c.language_code) = 0 THEN c.language_code
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN c.is_forwarded_to_hr::text WHEN GROUPING(c.is_escalated) = 0 THEN c.is_escalated::text
        ELSE c.country_code END AS value_b,
      sum(c.chats) AS chats, sum(c.messages) AS messages, sum(c.escalation_known) AS escalation_known,
      sum(c.escalated) AS escalated, sum(c.hr_known) AS hr_known, sum(c.hr_forwarded) AS hr_forwarded,
      sum(c.response_time_count) AS response_time_count, sum(c.response_time_sum) AS response_time_sum,
      sum(c.rated) AS rated, sum(c.rating_sum) AS rating_sum, sum(c.satisfied) AS satisfied,
      sum(c.token_count_count) AS token_count_count, sum(c.token_sum) AS token_sum
    FROM c
    GROUP BY c.organization_id, c.bucket, GROUPING SETS (
      (c.country_code, c.is_escalated), (c.country_code, c.is_forwarded_to_hr), (c.country_code, c.language_code),
      (c.country_code, c.question_category), (c.country_code, c.sentiment), (c.country_code, c.user_rating),
      (c.is_escalated, c.is_forwarded_to_hr), (c.is_escalated, c.language_code), (c.is_escalated, c.question_category),
      (c.is_escalated, c.sentiment), (c.is_escalated, c.user_rating), (c.is_forwarded_to_hr, c.language_code),
      (c.is_forwarded_to_hr, c.question_category), (c.is_forwarded_to_hr, c.sentiment), (c.is_forwarded_to_hr, c.user_rating),
      (c.language_code, c.question_category), (c.language_code, c.sentiment), (c.language_code, c.user_rating),
      (c.question_category, c.sentiment), (c.question_category, c.user_rating), (c.sentiment, c.user_rating))
  ), per_tag_pair AS (
    SELECT t.organization_id, t.bucket,
      CASE WHEN GROUPING(t.country_code) = 0 THEN 'country_code' WHEN GROUPING(t.is_escalated) = 0 THEN 'is_escalated'
        WHEN GROUPING(t.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr' WHEN GROUPING(t.language_code) = 0 THEN 'language_code'
        WHEN GROUPING(t.question_category) = 0 THEN 'question_category' WHEN GROUPING(t.sentiment) = 0 THEN 'sentiment'
        ELSE 'user_rating' END AS dimension_a,
      CASE WHEN GROUPING(t.country_code) = 0 THEN t.country_code WHEN GROUPING(t.is_escalated) = 0 THEN t.is_escalated::text
        WHEN GROUPING(t.is_forwarded_to_hr) = 0 THEN t.is_forwarded_to_hr::text WHEN GROUPING(t.language_code) = 0 THEN t.language_code
        WHEN GROUPING(t.question_category) = 0 THEN t.question_category WHEN GROUPING(t.sentiment) = 0 THEN t.sentiment
        ELSE t.user_rating::text END AS value_a,
      'tag'::text AS dimension_b, t.tag AS value_b,
      sum(t.chats) AS chats, sum(t.messages) AS messages, sum(t.escalation_known) AS escalation_known,
      sum(t.escalated) AS escalated, sum(t.hr_known) AS hr_known, sum(t.hr_forwarded) AS hr_forwarded,
      sum(t.response_time_count) AS response_time_count, sum(t.response_time_sum) AS response_time_sum,
      sum(t.rated) AS rated, sum(t.rating_sum) AS rating_sum, sum(t.satisfied) AS satisfied,
      sum(t.token_count_count) AS token_count_count, sum(t.token_sum) AS token_sum
    -- A chat without tags counts under tag NULL (unknown), as in chat_rollups.
    FROM (SELECT c.*, unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL::text] ELSE c.tags END) AS tag FROM c) AS t
    GROUP BY t.organization_id, t.bucket, t.tag, GROUPING SETS ((t.country_code), (t.is_escalated), (t.is_forwarded_to_hr),
      (t.language_code), (t.question_category), (t.sentiment), (t.user_rating))
  ), delta AS (
    SELECT * FROM per_pair
    UNION ALL
    SELECT * FROM per_tag_pair
  )
  INSERT INTO chat_daily_pair_rollups AS r
  SELECT organization_id, dimension_a, value_a, dimension_b, value_b, bucket, chats, messages, escalation_known, escalated,
    hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum
  FROM delta
  -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
  WHERE (chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  -- In key order, so that concurrent transactions lock the rows in the same order.
  ORDER BY organization_id, dimension_a, dimension_b, bucket, value_a, value_b
  ON CONFLICT (organization_id, dimension_a, dimension_b, bucket, value_a, value_b) DO UPDATE SET
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
END $$;--> statement-breakpoint
-- The per-field rows (chat_rollups per hour, chat_daily_rollups per day) of combinations: the
-- statement of 0006, now fed by all three paths.
-- A generic plan, cached for the session: a custom plan per call (PostgreSQL's default for a
-- statement with a parameter) took longer to plan than to run for a statement's few combinations.
CREATE FUNCTION chat_rollups_apply(changes chat_rollup_combo[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH combos AS (
    SELECT * FROM unnest(changes)
  ), per_field AS (
      -- One grouping set per field; GROUPING(x) = 0 says which field a row is grouped by (none: 'all').
      SELECT c.organization_id, c.bucket,
        CASE
          WHEN GROUPING(c.question_category) = 0 THEN 'question_category'
          WHEN GROUPING(c.sentiment) = 0 THEN 'sentiment'
          WHEN GROUPING(c.country_code) = 0 THEN 'country_code'
          WHEN GROUPING(c.language_code) = 0 THEN 'language_code'
          WHEN GROUPING(c.user_rating) = 0 THEN 'user_rating'
          WHEN GROUPING(c.is_escalated) = 0 THEN 'is_escalated'
          WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr'
          ELSE 'all'
        END AS dimension,
        CASE
          WHEN GROUPING(c.question_category) = 0 THEN c.question_category
          WHEN GROUPING(c.sentiment) = 0 THEN c.sentiment
          WHEN GROUPING(c.country_code) = 0 THEN c.country_code
          WHEN GROUPING(c.language_code) = 0 THEN c.language_code
          WHEN GROUPING(c.user_rating) = 0 THEN c.user_rating::text
          WHEN GROUPING(c.is_escalated) = 0 THEN c.is_escalated::text
          WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN c.is_forwarded_to_hr::text
        END AS value,
        sum(c.chats)::bigint AS chats, sum(c.messages)::bigint AS messages,
        sum(c.escalation_known)::bigint AS escalation_known, sum(c.escalated)::bigint AS escalated,
        sum(c.hr_known)::bigint AS hr_known, sum(c.hr_forwarded)::bigint AS hr_forwarded,
        sum(c.response_time_count)::bigint AS response_time_count, sum(c.response_time_sum) AS response_time_sum,
        sum(c.rated)::bigint AS rated, sum(c.rating_sum)::bigint AS rating_sum, sum(c.satisfied)::bigint AS satisfied,
        sum(c.token_count_count)::bigint AS token_count_count, sum(c.token_sum) AS token_sum
      FROM combos c
      GROUP BY c.organization_id, c.bucket, GROUPING SETS ((), (c.question_category), (c.sentiment),
        (c.country_code), (c.language_code), (c.user_rating), (c.is_escalated), (c.is_forwarded_to_hr))
    ), per_tag AS (
      SELECT c.organization_id, c.bucket, 'tag'::text AS dimension, c.tag AS value,
        sum(c.chats)::bigint AS chats, sum(c.messages)::bigint AS messages,
        sum(c.escalation_known)::bigint AS escalation_known, sum(c.escalated)::bigint AS escalated,
        sum(c.hr_known)::bigint AS hr_known, sum(c.hr_forwarded)::bigint AS hr_forwarded,
        sum(c.response_time_count)::bigint AS response_time_count, sum(c.response_time_sum) AS response_time_sum,
        sum(c.rated)::bigint AS rated, sum(c.rating_sum)::bigint AS rating_sum, sum(c.satisfied)::bigint AS satisfied,
        sum(c.token_count_count)::bigint AS token_count_count, sum(c.token_sum) AS token_sum
      -- unnest in the select list (one ProjectSet) rather than a function scan per row (LATERAL).
      FROM (SELECT r.*, unnest(CASE WHEN cardinality(r.tags) = 0 THEN ARRAY[NULL::text] ELSE r.tags END) AS tag FROM combos r) AS c
      GROUP BY 1, 2, 4
    ), changed AS (
      SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum FROM per_field
      UNION ALL
      SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum FROM per_tag
    ), delta AS (
      -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
      SELECT * FROM changed
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
      token_sum = r.token_sum + excluded.token_sum;
END $$;--> statement-breakpoint
-- What an update or delete changes: its new rows added, its old rows taken away, per combination.
CREATE FUNCTION chat_rollup_changes(old_rows chats[], new_rows chats[]) RETURNS chat_rollup_combo[] LANGUAGE sql AS $$
  SELECT ARRAY(
      SELECT ROW(c.organization_id, date_trunc('hour', c.created_at, 'UTC'), c.question_category, c.sentiment,
        c.country_code, c.language_code, c.user_rating, c.is_escalated, c.is_forwarded_to_hr, c.tags,
        sum(c.sign), sum(c.sign * c.message_count),
        coalesce(sum(c.sign) FILTER (WHERE c.is_escalated IS NOT NULL), 0), coalesce(sum(c.sign) FILTER (WHERE c.is_escalated), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.is_forwarded_to_hr IS NOT NULL), 0), coalesce(sum(c.sign) FILTER (WHERE c.is_forwarded_to_hr), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.avg_response_time IS NOT NULL), 0), coalesce(sum(c.sign * c.avg_response_time), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.user_rating IS NOT NULL), 0), coalesce(sum(c.sign * c.user_rating), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.user_rating >= 4), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.token_count IS NOT NULL), 0), coalesce(sum(c.sign * c.token_count::numeric), 0))::chat_rollup_combo
      FROM (
        SELECT -1 AS sign, o.* FROM unnest(old_rows) AS o
        UNION ALL
        SELECT 1 AS sign, n.* FROM unnest(new_rows) AS n
      ) AS c
      GROUP BY c.organization_id, date_trunc('hour', c.created_at, 'UTC'), c.question_category, c.sentiment,
        c.country_code, c.language_code, c.user_rating, c.is_escalated, c.is_forwarded_to_hr, c.tags)
$$;--> statement-breakpoint
-- Every path sums its rows per combination (a bot's chats of one hour share few of them), then
-- applies them: the per-field rows first (daily, then hourly), then the pair rows, so that
-- concurrent transactions take row locks in the same order. Inserts (the ingest hot path) read the
-- transition table directly; updates add their new rows and take away their old ones.
CREATE OR REPLACE FUNCTION chats_rollups_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes chat_rollup_combo[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(n.organization_id, date_trunc('hour', n.created_at, 'UTC'), n.question_category, n.sentiment,
        n.country_code, n.language_code, n.user_rating, n.is_escalated, n.is_forwarded_to_hr, n.tags,
        count(*), sum(n.message_count),
        count(*) FILTER (WHERE n.is_escalated IS NOT NULL), count(*) FILTER (WHERE n.is_escalated),
        count(*) FILTER (WHERE n.is_forwarded_to_hr IS NOT NULL), count(*) FILTER (WHERE n.is_forwarded_to_hr),
        count(*) FILTER (WHERE n.avg_response_time IS NOT NULL), coalesce(sum(n.avg_response_time), 0),
        count(*) FILTER (WHERE n.user_rating IS NOT NULL), coalesce(sum(n.user_rating), 0),
        count(*) FILTER (WHERE n.user_rating >= 4),
        count(*) FILTER (WHERE n.token_count IS NOT NULL), coalesce(sum(n.token_count::numeric), 0))::chat_rollup_combo
      FROM new_rows n
      GROUP BY n.organization_id, date_trunc('hour', n.created_at, 'UTC'), n.question_category, n.sentiment,
        n.country_code, n.language_code, n.user_rating, n.is_escalated, n.is_forwarded_to_hr, n.tags);
  ELSIF TG_OP = 'UPDATE' THEN
    changes := chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), ARRAY(SELECT n::chats FROM new_rows n));
  ELSE
    changes := chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[]);
  END IF;
  PERFORM chat_rollups_apply(changes);
  PERFORM chat_pair_rollups_apply(changes);
  RETURN NULL;
END $$;--> statement-breakpoint
-- chat_rollups_merge (0005) has no caller left.
DROP FUNCTION chat_rollups_merge(chats[], chats[]);--> statement-breakpoint
-- The pair rows of the chats already stored, an organization and a month at a time, summed as an
-- insert of them would be (chat_rollup_changes with no old rows).
DO $$
DECLARE
  part record;
BEGIN
  FOR part IN SELECT DISTINCT organization_id, date_trunc('month', created_at, 'UTC') AS month FROM chats LOOP
    PERFORM chat_pair_rollups_apply(chat_rollup_changes('{}'::chats[], ARRAY(
      SELECT c FROM chats c
      WHERE c.organization_id = part.organization_id
        AND c.created_at >= part.month AND c.created_at < part.month + interval '1 month')));
  END LOOP;
END $$;
