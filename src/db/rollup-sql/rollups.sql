-- The SQL that maintains the analytics rollups, as it runs today: rendered by src/db/rollup-sql
-- from the rolled-up fields (src/fields/chat-fields.ts) and the sums (src/fields/rollup-sums.ts). Do not edit
-- it: change those, run `npm run db:rollups`, which writes a migration that installs the new render
-- (and backfills a newly rolled-up field) and rewrites this file. The lists below are what it was
-- rendered for; the next render compares against them.
-- rolled-up fields: bot_version text, country_code text, is_escalated bool, is_forwarded_to_hr bool, language_code text, question_category text, sentiment text, user_rating int2
-- sums: chats int8, messages int8, escalation_known int8, escalated int8, hr_known int8, hr_forwarded int8, response_time_count int8, response_time_sum float8, rated int8, rating_sum int8, satisfied int8, token_count_count int8, token_sum numeric

-- What every write of chats adds to the rollups, as sums per distinct combination of the rolled-up
-- fields (sign-weighted: an update adds its new rows and takes away its old ones). The trigger and
-- the fold build these and hand them to chat_rollups_apply and chat_pair_rollups_apply, the only
-- places that turn them into rollup rows. Its attributes are chat_rollup_pending's columns.
CREATE TYPE chat_rollup_combo AS (
  organization_id bigint,
  bucket timestamp with time zone,
  bot_version text,
  country_code text,
  is_escalated boolean,
  is_forwarded_to_hr boolean,
  language_code text,
  question_category text,
  sentiment text,
  user_rating smallint,
  tags text[],
  chats bigint,
  messages bigint,
  escalation_known bigint,
  escalated bigint,
  hr_known bigint,
  hr_forwarded bigint,
  response_time_count bigint,
  response_time_sum double precision,
  rated bigint,
  rating_sum bigint,
  satisfied bigint,
  token_count_count bigint,
  token_sum numeric
);

-- The pair rows of combinations (bucket: any instant of the day). The pairs are every two of the
-- rolled-up fields, and each of them with tag; in a pair row dimension_a comes first in pair order
-- (bot_version, country_code, is_escalated, is_forwarded_to_hr, language_code, question_category,
-- sentiment, user_rating,
-- tag: PAIR_DIMENSIONS in src/analytics/plan.ts), so tag is always dimension_b.
-- Two tags of one chat make no pair.
-- A generic plan, cached for the session: a custom plan per call (PostgreSQL's default for a
-- statement with a parameter) took longer to plan than to run for a statement's few combinations.
CREATE OR REPLACE FUNCTION chat_pair_rollups_apply(changes chat_rollup_combo[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH c AS (
    SELECT x.organization_id, date_trunc('day', x.bucket, 'UTC') AS bucket, x.bot_version, x.country_code,
      x.is_escalated, x.is_forwarded_to_hr, x.language_code, x.question_category, x.sentiment, x.user_rating,
      x.tags, x.chats, x.messages, x.escalation_known, x.escalated, x.hr_known, x.hr_forwarded,
      x.response_time_count, x.response_time_sum, x.rated, x.rating_sum, x.satisfied, x.token_count_count,
      x.token_sum
    FROM unnest(changes) AS x
  ), per_pair AS (
    -- One grouping set per pair; dimension_a is the pair's first grouped field in pair order,
    -- dimension_b its last.
    SELECT c.organization_id, c.bucket,
      CASE
        WHEN GROUPING(c.bot_version) = 0 THEN 'bot_version'
        WHEN GROUPING(c.country_code) = 0 THEN 'country_code'
        WHEN GROUPING(c.is_escalated) = 0 THEN 'is_escalated'
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr'
        WHEN GROUPING(c.language_code) = 0 THEN 'language_code'
        WHEN GROUPING(c.question_category) = 0 THEN 'question_category'
        WHEN GROUPING(c.sentiment) = 0 THEN 'sentiment'
        ELSE 'user_rating'
      END AS dimension_a,
      CASE
        WHEN GROUPING(c.bot_version) = 0 THEN c.bot_version
        WHEN GROUPING(c.country_code) = 0 THEN c.country_code
        WHEN GROUPING(c.is_escalated) = 0 THEN c.is_escalated::text
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN c.is_forwarded_to_hr::text
        WHEN GROUPING(c.language_code) = 0 THEN c.language_code
        WHEN GROUPING(c.question_category) = 0 THEN c.question_category
        WHEN GROUPING(c.sentiment) = 0 THEN c.sentiment
        ELSE c.user_rating::text
      END AS value_a,
      CASE
        WHEN GROUPING(c.user_rating) = 0 THEN 'user_rating'
        WHEN GROUPING(c.sentiment) = 0 THEN 'sentiment'
        WHEN GROUPING(c.question_category) = 0 THEN 'question_category'
        WHEN GROUPING(c.language_code) = 0 THEN 'language_code'
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr'
        WHEN GROUPING(c.is_escalated) = 0 THEN 'is_escalated'
        WHEN GROUPING(c.country_code) = 0 THEN 'country_code'
        ELSE 'bot_version'
      END AS dimension_b,
      CASE
        WHEN GROUPING(c.user_rating) = 0 THEN c.user_rating::text
        WHEN GROUPING(c.sentiment) = 0 THEN c.sentiment
        WHEN GROUPING(c.question_category) = 0 THEN c.question_category
        WHEN GROUPING(c.language_code) = 0 THEN c.language_code
        WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN c.is_forwarded_to_hr::text
        WHEN GROUPING(c.is_escalated) = 0 THEN c.is_escalated::text
        WHEN GROUPING(c.country_code) = 0 THEN c.country_code
        ELSE c.bot_version
      END AS value_b,
      sum(c.chats) AS chats, sum(c.messages) AS messages, sum(c.escalation_known) AS escalation_known,
      sum(c.escalated) AS escalated, sum(c.hr_known) AS hr_known, sum(c.hr_forwarded) AS hr_forwarded,
      sum(c.response_time_count) AS response_time_count, sum(c.response_time_sum) AS response_time_sum,
      sum(c.rated) AS rated, sum(c.rating_sum) AS rating_sum, sum(c.satisfied) AS satisfied,
      sum(c.token_count_count) AS token_count_count, sum(c.token_sum) AS token_sum
    FROM c
    GROUP BY c.organization_id, c.bucket, GROUPING SETS (
      (c.bot_version, c.country_code), (c.bot_version, c.is_escalated), (c.bot_version, c.is_forwarded_to_hr),
      (c.bot_version, c.language_code), (c.bot_version, c.question_category), (c.bot_version, c.sentiment),
      (c.bot_version, c.user_rating), (c.country_code, c.is_escalated),
      (c.country_code, c.is_forwarded_to_hr), (c.country_code, c.language_code),
      (c.country_code, c.question_category), (c.country_code, c.sentiment), (c.country_code, c.user_rating),
      (c.is_escalated, c.is_forwarded_to_hr), (c.is_escalated, c.language_code),
      (c.is_escalated, c.question_category), (c.is_escalated, c.sentiment), (c.is_escalated, c.user_rating),
      (c.is_forwarded_to_hr, c.language_code), (c.is_forwarded_to_hr, c.question_category),
      (c.is_forwarded_to_hr, c.sentiment), (c.is_forwarded_to_hr, c.user_rating),
      (c.language_code, c.question_category), (c.language_code, c.sentiment),
      (c.language_code, c.user_rating), (c.question_category, c.sentiment),
      (c.question_category, c.user_rating), (c.sentiment, c.user_rating))
  ), per_tag_pair AS (
    SELECT t.organization_id, t.bucket,
      CASE
        WHEN GROUPING(t.bot_version) = 0 THEN 'bot_version'
        WHEN GROUPING(t.country_code) = 0 THEN 'country_code'
        WHEN GROUPING(t.is_escalated) = 0 THEN 'is_escalated'
        WHEN GROUPING(t.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr'
        WHEN GROUPING(t.language_code) = 0 THEN 'language_code'
        WHEN GROUPING(t.question_category) = 0 THEN 'question_category'
        WHEN GROUPING(t.sentiment) = 0 THEN 'sentiment'
        ELSE 'user_rating'
      END AS dimension_a,
      CASE
        WHEN GROUPING(t.bot_version) = 0 THEN t.bot_version
        WHEN GROUPING(t.country_code) = 0 THEN t.country_code
        WHEN GROUPING(t.is_escalated) = 0 THEN t.is_escalated::text
        WHEN GROUPING(t.is_forwarded_to_hr) = 0 THEN t.is_forwarded_to_hr::text
        WHEN GROUPING(t.language_code) = 0 THEN t.language_code
        WHEN GROUPING(t.question_category) = 0 THEN t.question_category
        WHEN GROUPING(t.sentiment) = 0 THEN t.sentiment
        ELSE t.user_rating::text
      END AS value_a,
      'tag'::text AS dimension_b, t.tag AS value_b,
      sum(t.chats) AS chats, sum(t.messages) AS messages, sum(t.escalation_known) AS escalation_known,
      sum(t.escalated) AS escalated, sum(t.hr_known) AS hr_known, sum(t.hr_forwarded) AS hr_forwarded,
      sum(t.response_time_count) AS response_time_count, sum(t.response_time_sum) AS response_time_sum,
      sum(t.rated) AS rated, sum(t.rating_sum) AS rating_sum, sum(t.satisfied) AS satisfied,
      sum(t.token_count_count) AS token_count_count, sum(t.token_sum) AS token_sum
    -- A chat without tags counts under tag NULL (unknown), as in chat_rollups.
    FROM (SELECT c.*, unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL::text] ELSE c.tags END) AS tag FROM c) AS t
    GROUP BY t.organization_id, t.bucket, t.tag, GROUPING SETS (
      (t.bot_version), (t.country_code), (t.is_escalated), (t.is_forwarded_to_hr), (t.language_code),
      (t.question_category), (t.sentiment), (t.user_rating))
  ), delta AS (
    SELECT * FROM per_pair
    UNION ALL
    SELECT * FROM per_tag_pair
  )
  INSERT INTO chat_daily_pair_rollups AS r (
    organization_id, dimension_a, value_a, dimension_b, value_b, bucket, chats, messages, escalation_known,
    escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied,
    token_count_count, token_sum)
  SELECT organization_id, dimension_a, value_a, dimension_b, value_b, bucket, chats, messages,
    escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated,
    rating_sum, satisfied, token_count_count, token_sum
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
END $$;

-- The per-field rows (chat_rollups per hour, chat_daily_rollups per day) of combinations: one row
-- per field and value, one per tag, and 'all' (value NULL).
-- A generic plan, cached for the session: a custom plan per call (PostgreSQL's default for a
-- statement with a parameter) took longer to plan than to run for a statement's few combinations.
CREATE OR REPLACE FUNCTION chat_rollups_apply(changes chat_rollup_combo[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH combos AS (
    SELECT * FROM unnest(changes)
  ), per_field AS (
      -- One grouping set per field; GROUPING(x) = 0 says which field a row is grouped by (none: 'all').
      SELECT c.organization_id, c.bucket,
        CASE
          WHEN GROUPING(c.bot_version) = 0 THEN 'bot_version'
          WHEN GROUPING(c.country_code) = 0 THEN 'country_code'
          WHEN GROUPING(c.is_escalated) = 0 THEN 'is_escalated'
          WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN 'is_forwarded_to_hr'
          WHEN GROUPING(c.language_code) = 0 THEN 'language_code'
          WHEN GROUPING(c.question_category) = 0 THEN 'question_category'
          WHEN GROUPING(c.sentiment) = 0 THEN 'sentiment'
          WHEN GROUPING(c.user_rating) = 0 THEN 'user_rating'
          ELSE 'all'
        END AS dimension,
        CASE
          WHEN GROUPING(c.bot_version) = 0 THEN c.bot_version
          WHEN GROUPING(c.country_code) = 0 THEN c.country_code
          WHEN GROUPING(c.is_escalated) = 0 THEN c.is_escalated::text
          WHEN GROUPING(c.is_forwarded_to_hr) = 0 THEN c.is_forwarded_to_hr::text
          WHEN GROUPING(c.language_code) = 0 THEN c.language_code
          WHEN GROUPING(c.question_category) = 0 THEN c.question_category
          WHEN GROUPING(c.sentiment) = 0 THEN c.sentiment
          WHEN GROUPING(c.user_rating) = 0 THEN c.user_rating::text
          ELSE NULL
        END AS value,
        sum(c.chats)::bigint AS chats, sum(c.messages)::bigint AS messages,
        sum(c.escalation_known)::bigint AS escalation_known, sum(c.escalated)::bigint AS escalated,
        sum(c.hr_known)::bigint AS hr_known, sum(c.hr_forwarded)::bigint AS hr_forwarded,
        sum(c.response_time_count)::bigint AS response_time_count,
        sum(c.response_time_sum) AS response_time_sum, sum(c.rated)::bigint AS rated,
        sum(c.rating_sum)::bigint AS rating_sum, sum(c.satisfied)::bigint AS satisfied,
        sum(c.token_count_count)::bigint AS token_count_count, sum(c.token_sum) AS token_sum
      FROM combos c
      GROUP BY c.organization_id, c.bucket, GROUPING SETS (
        (), (c.bot_version), (c.country_code), (c.is_escalated), (c.is_forwarded_to_hr), (c.language_code),
        (c.question_category), (c.sentiment), (c.user_rating))
    ), per_tag AS (
      SELECT c.organization_id, c.bucket, 'tag'::text AS dimension, c.tag AS value,
        sum(c.chats)::bigint AS chats, sum(c.messages)::bigint AS messages,
        sum(c.escalation_known)::bigint AS escalation_known, sum(c.escalated)::bigint AS escalated,
        sum(c.hr_known)::bigint AS hr_known, sum(c.hr_forwarded)::bigint AS hr_forwarded,
        sum(c.response_time_count)::bigint AS response_time_count,
        sum(c.response_time_sum) AS response_time_sum, sum(c.rated)::bigint AS rated,
        sum(c.rating_sum)::bigint AS rating_sum, sum(c.satisfied)::bigint AS satisfied,
        sum(c.token_count_count)::bigint AS token_count_count, sum(c.token_sum) AS token_sum
      -- unnest in the select list (one ProjectSet) rather than a function scan per row (LATERAL).
      FROM (SELECT r.*, unnest(CASE WHEN cardinality(r.tags) = 0 THEN ARRAY[NULL::text] ELSE r.tags END) AS tag FROM combos r) AS c
      GROUP BY 1, 2, 4
    ), changed AS (
      SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated,
        hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied,
        token_count_count, token_sum
      FROM per_field
      UNION ALL
      SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated,
        hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied,
        token_count_count, token_sum
      FROM per_tag
    ), delta AS (
      -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
      SELECT * FROM changed
      WHERE (chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count, token_sum) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ), hourly AS (
    INSERT INTO chat_rollups AS r (
      organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known,
      hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
      token_sum)
    SELECT organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known,
      hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
      token_sum
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
  INSERT INTO chat_daily_rollups AS r (
    organization_id, dimension, value, bucket, chats, messages, escalation_known, escalated, hr_known,
    hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
    token_sum)
  SELECT organization_id, dimension, value, date_trunc('day', bucket, 'UTC'), sum(chats), sum(messages),
    sum(escalation_known), sum(escalated), sum(hr_known), sum(hr_forwarded), sum(response_time_count),
    sum(response_time_sum), sum(rated), sum(rating_sum), sum(satisfied), sum(token_count_count),
    sum(token_sum)
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
END $$;

-- What an update or delete changes: its new rows added, its old rows taken away, per combination.
CREATE OR REPLACE FUNCTION chat_rollup_changes(old_rows chats[], new_rows chats[]) RETURNS chat_rollup_combo[] LANGUAGE sql AS $$
  SELECT ARRAY(
      SELECT ROW(c.organization_id, date_trunc('hour', c.created_at, 'UTC'), c.bot_version, c.country_code,
        c.is_escalated, c.is_forwarded_to_hr, c.language_code, c.question_category, c.sentiment,
        c.user_rating, c.tags, sum(c.sign), coalesce(sum(c.sign * c.message_count), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.is_escalated IS NOT NULL), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.is_escalated), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.is_forwarded_to_hr IS NOT NULL), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.is_forwarded_to_hr), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.avg_response_time IS NOT NULL), 0),
        coalesce(sum(c.sign * c.avg_response_time), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.user_rating IS NOT NULL), 0),
        coalesce(sum(c.sign * c.user_rating), 0), coalesce(sum(c.sign) FILTER (WHERE c.user_rating >= 4), 0),
        coalesce(sum(c.sign) FILTER (WHERE c.token_count IS NOT NULL), 0),
        coalesce(sum(c.sign * c.token_count::numeric), 0))::chat_rollup_combo
      FROM (
        SELECT -1 AS sign, o.* FROM unnest(old_rows) AS o
        UNION ALL
        SELECT 1 AS sign, n.* FROM unnest(new_rows) AS n
      ) AS c
      GROUP BY c.organization_id, date_trunc('hour', c.created_at, 'UTC'), c.bot_version, c.country_code,
        c.is_escalated, c.is_forwarded_to_hr, c.language_code, c.question_category, c.sentiment,
        c.user_rating, c.tags)
$$;

-- The statement-level triggers on chats (chats_rollups_insert, _update, _delete, migration 0002):
-- a write appends its changes, summed per combination of the rolled-up fields, to
-- chat_rollup_pending (one row for a single chat); chat_rollups_fold moves them into the rollups.
-- An update that changes a chat's user_id or avg_response_time also appends a row of zero sums for
-- the chat's hour, so that the day's and hour's versions move (what the sketches of distinct end
-- users and response times depend on, migration 0017; no sum sees a new user_id).
CREATE OR REPLACE FUNCTION chats_rollups_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The ingest hot path: the transition table summed per combination, nothing else.
    INSERT INTO chat_rollup_pending (
      organization_id, bucket, bot_version, country_code, is_escalated, is_forwarded_to_hr, language_code,
      question_category, sentiment, user_rating, tags, chats, messages, escalation_known, escalated, hr_known,
      hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
      token_sum)
    SELECT n.organization_id, date_trunc('hour', n.created_at, 'UTC'), n.bot_version, n.country_code,
      n.is_escalated, n.is_forwarded_to_hr, n.language_code, n.question_category, n.sentiment, n.user_rating,
      n.tags, count(*), coalesce(sum(n.message_count), 0), count(*) FILTER (WHERE n.is_escalated IS NOT NULL),
      count(*) FILTER (WHERE n.is_escalated), count(*) FILTER (WHERE n.is_forwarded_to_hr IS NOT NULL),
      count(*) FILTER (WHERE n.is_forwarded_to_hr), count(*) FILTER (WHERE n.avg_response_time IS NOT NULL),
      coalesce(sum(n.avg_response_time), 0), count(*) FILTER (WHERE n.user_rating IS NOT NULL),
      coalesce(sum(n.user_rating), 0), count(*) FILTER (WHERE n.user_rating >= 4),
      count(*) FILTER (WHERE n.token_count IS NOT NULL), coalesce(sum(n.token_count::numeric), 0)
    FROM new_rows n
    GROUP BY n.organization_id, date_trunc('hour', n.created_at, 'UTC'), n.bot_version, n.country_code,
      n.is_escalated, n.is_forwarded_to_hr, n.language_code, n.question_category, n.sentiment, n.user_rating,
      n.tags;
  ELSIF TG_OP = 'UPDATE' THEN
    -- An update adds its new rows and takes away its old ones (a message: +n messages, one row). A
    -- change of nothing rolled up (a title, updated_at) appends nothing.
    INSERT INTO chat_rollup_pending (
      organization_id, bucket, bot_version, country_code, is_escalated, is_forwarded_to_hr, language_code,
      question_category, sentiment, user_rating, tags, chats, messages, escalation_known, escalated, hr_known,
      hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
      token_sum)
    SELECT c.organization_id, c.bucket, c.bot_version, c.country_code, c.is_escalated, c.is_forwarded_to_hr,
      c.language_code, c.question_category, c.sentiment, c.user_rating, c.tags, c.chats, c.messages,
      c.escalation_known, c.escalated, c.hr_known, c.hr_forwarded, c.response_time_count, c.response_time_sum,
      c.rated, c.rating_sum, c.satisfied, c.token_count_count, c.token_sum
    FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), ARRAY(SELECT n::chats FROM new_rows n))) AS c
    WHERE (c.chats, c.messages, c.escalation_known, c.escalated, c.hr_known, c.hr_forwarded, c.response_time_count, c.response_time_sum, c.rated, c.rating_sum, c.satisfied, c.token_count_count, c.token_sum) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    -- What the sketches see and no sum does: a version bump of zero sums (the fold applies none).
    INSERT INTO chat_rollup_pending (
      organization_id, bucket, bot_version, country_code, is_escalated, is_forwarded_to_hr, language_code,
      question_category, sentiment, user_rating, tags, chats, messages, escalation_known, escalated, hr_known,
      hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
      token_sum)
    SELECT DISTINCT n.organization_id, date_trunc('hour', n.created_at, 'UTC'), NULL::text, NULL::text,
      NULL::boolean, NULL::boolean, NULL::text, NULL::text, NULL::text, NULL::smallint, '{}'::text[], 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
    WHERE n.user_id IS DISTINCT FROM o.user_id OR n.avg_response_time IS DISTINCT FROM o.avg_response_time;
  ELSE
    INSERT INTO chat_rollup_pending (
      organization_id, bucket, bot_version, country_code, is_escalated, is_forwarded_to_hr, language_code,
      question_category, sentiment, user_rating, tags, chats, messages, escalation_known, escalated, hr_known,
      hr_forwarded, response_time_count, response_time_sum, rated, rating_sum, satisfied, token_count_count,
      token_sum)
    SELECT c.organization_id, c.bucket, c.bot_version, c.country_code, c.is_escalated, c.is_forwarded_to_hr,
      c.language_code, c.question_category, c.sentiment, c.user_rating, c.tags, c.chats, c.messages,
      c.escalation_known, c.escalated, c.hr_known, c.hr_forwarded, c.response_time_count, c.response_time_sum,
      c.rated, c.rating_sum, c.satisfied, c.token_count_count, c.token_sum
    FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[])) AS c;
  END IF;
  RETURN NULL;
END $$;

-- Moves up to max_rows pending rows into the rollups, in one transaction: the rows are deleted as
-- they are added, so a fold that dies half-way (the process killed, the connection lost) rolls back
-- whole and nothing is counted twice or lost. One fold at a time per database (an advisory lock):
-- several server instances may all call it; the others get -1 and try again later. Counts the
-- pending rows it takes per UTC day and hour into chat_day_versions and chat_hour_versions, in the
-- same transaction (a day's version is that count plus the day's rows still pending: what a reader
-- adds up in one snapshot). Rows of zero sums (version bumps) are counted and not applied. The
-- per-field rows are applied first (daily, then hourly), then the pair rows, as every path does,
-- so that concurrent transactions take row locks in the same order. Returns how many pending rows
-- it folded.
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
    SELECT ROW(t.organization_id, t.bucket, t.bot_version, t.country_code, t.is_escalated,
      t.is_forwarded_to_hr, t.language_code, t.question_category, t.sentiment, t.user_rating, t.tags,
      sum(t.chats), sum(t.messages), sum(t.escalation_known), sum(t.escalated), sum(t.hr_known),
      sum(t.hr_forwarded), sum(t.response_time_count), sum(t.response_time_sum), sum(t.rated),
      sum(t.rating_sum), sum(t.satisfied), sum(t.token_count_count), sum(t.token_sum))::chat_rollup_combo AS combo
    FROM taken t
    WHERE (t.chats, t.messages, t.escalation_known, t.escalated, t.hr_known, t.hr_forwarded, t.response_time_count, t.response_time_sum, t.rated, t.rating_sum, t.satisfied, t.token_count_count, t.token_sum) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    GROUP BY t.organization_id, t.bucket, t.bot_version, t.country_code, t.is_escalated, t.is_forwarded_to_hr,
      t.language_code, t.question_category, t.sentiment, t.user_rating, t.tags
  )
  SELECT (SELECT count(*) FROM taken), ARRAY(SELECT combo FROM combined) INTO folded, changes;
  IF folded > 0 AND cardinality(changes) > 0 THEN
    PERFORM chat_rollups_apply(changes);
    PERFORM chat_pair_rollups_apply(changes);
  END IF;
  RETURN folded;
END $$;
