// The functions on the write side: what a write of chats appends to chat_rollup_pending
// (chats_rollups_trigger, with chat_rollup_changes for updates and deletes) and the fold that moves
// pending rows into the rollups (chat_rollups_fold). What 0007, 0017 and 0018 wrote by hand.
// Every INSERT INTO chat_rollup_pending names its columns: a field added later is appended to the
// table by ALTER TABLE, so the table's column order need not be the type's (or the registry's).
import { rowSumSql, signedSumSql } from '../../fields/rollup-sums.js';
import { COMBO, comboCols, fieldCols, nonZero, sumCols, wrap, type RenderedFunction } from './parts.js';
import { TYPE_NAME, type RollupSpec } from './spec.js';

const HOUR = (alias: string) => `date_trunc('hour', ${alias}.created_at, 'UTC')`;

/** INSERT INTO chat_rollup_pending (its columns), indented for a function body. */
const insertPending = (spec: RollupSpec, indent: string) =>
  `${indent}INSERT INTO chat_rollup_pending (\n${wrap(comboCols(spec), `${indent}  `, `${indent}  `)})`;

export function rollupChanges(spec: RollupSpec): RenderedFunction {
  const group = [`c.organization_id`, HOUR('c'), ...fieldCols(spec, 'c'), 'c.tags'];
  const body = `
  SELECT ARRAY(
${wrap([...group, ...spec.sums.map((s) => signedSumSql(s, 'c'))], '        ', '      SELECT ROW(')})::${COMBO}
      FROM (
        SELECT -1 AS sign, o.* FROM unnest(old_rows) AS o
        UNION ALL
        SELECT 1 AS sign, n.* FROM unnest(new_rows) AS n
      ) AS c
${wrap(group, '        ', '      GROUP BY ')})
`;
  return {
    name: 'chat_rollup_changes',
    args: 'old_rows chats[], new_rows chats[]',
    argTypes: 'chats[], chats[]',
    returns: `${COMBO}[]`,
    language: 'sql',
    config: [],
    usesType: true,
    comment: '-- What an update or delete changes: its new rows added, its old rows taken away, per combination.',
    body,
  };
}

export function rollupsTrigger(spec: RollupSpec): RenderedFunction {
  const group = [`n.organization_id`, HOUR('n'), ...fieldCols(spec, 'n'), 'n.tags'];
  const cols = comboCols(spec, 'c');
  const body = `
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The ingest hot path: the transition table summed per combination, nothing else.
${insertPending(spec, '    ')}
${wrap([...group, ...spec.sums.map((s) => rowSumSql(s, 'n'))], '      ', '    SELECT ')}
    FROM new_rows n
${wrap(group, '      ', '    GROUP BY ')};
  ELSIF TG_OP = 'UPDATE' THEN
    -- An update adds its new rows and takes away its old ones (a message: +n messages, one row). A
    -- change of nothing rolled up (a title, updated_at) appends nothing.
${insertPending(spec, '    ')}
${wrap(cols, '      ', '    SELECT ')}
    FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), ARRAY(SELECT n::chats FROM new_rows n))) AS c
    WHERE ${nonZero(spec, 'c')};
    -- What the sketches see and no sum does: a version bump of zero sums (the fold applies none).
${insertPending(spec, '    ')}
${wrap([`n.organization_id`, HOUR('n'), ...spec.fields.map((f) => `NULL::${TYPE_NAME[f.sql]}`), `'{}'::text[]`, ...spec.sums.map(() => '0')], '      ', '    SELECT DISTINCT ')}
    FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
    WHERE n.user_id IS DISTINCT FROM o.user_id OR n.avg_response_time IS DISTINCT FROM o.avg_response_time;
  ELSE
${insertPending(spec, '    ')}
${wrap(cols, '      ', '    SELECT ')}
    FROM unnest(chat_rollup_changes(ARRAY(SELECT o::chats FROM old_rows o), '{}'::chats[])) AS c;
  END IF;
  RETURN NULL;
END `;
  return {
    name: 'chats_rollups_trigger',
    args: '',
    argTypes: '',
    returns: 'trigger',
    language: 'plpgsql',
    config: [],
    usesType: false,
    comment: `-- The statement-level triggers on chats (chats_rollups_insert, _update, _delete, migration 0002):
-- a write appends its changes, summed per combination of the rolled-up fields, to
-- chat_rollup_pending (one row for a single chat); chat_rollups_fold moves them into the rollups.
-- An update that changes a chat's user_id or avg_response_time also appends a row of zero sums for
-- the chat's hour, so that the day's and hour's versions move (what the sketches of distinct end
-- users and response times depend on, migration 0017; no sum sees a new user_id).`,
    body,
  };
}

export function rollupsFold(spec: RollupSpec): RenderedFunction {
  const group = [`t.organization_id`, `t.bucket`, ...fieldCols(spec, 't'), 't.tags'];
  const body = `
DECLARE
  changes ${COMBO}[];
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
${wrap([...group, ...sumCols(spec, 't').map((s) => `sum(${s})`)], '      ', '    SELECT ROW(')})::${COMBO} AS combo
    FROM taken t
    WHERE ${nonZero(spec, 't')}
${wrap(group, '      ', '    GROUP BY ')}
  )
  SELECT (SELECT count(*) FROM taken), ARRAY(SELECT combo FROM combined) INTO folded, changes;
  IF folded > 0 AND cardinality(changes) > 0 THEN
    PERFORM chat_rollups_apply(changes);
    PERFORM chat_pair_rollups_apply(changes);
  END IF;
  RETURN folded;
END `;
  return {
    name: 'chat_rollups_fold',
    args: 'max_rows integer',
    argTypes: 'integer',
    returns: 'integer',
    language: 'plpgsql',
    config: [],
    usesType: false,
    comment: `-- Moves up to max_rows pending rows into the rollups, in one transaction: the rows are deleted as
-- they are added, so a fold that dies half-way (the process killed, the connection lost) rolls back
-- whole and nothing is counted twice or lost. One fold at a time per database (an advisory lock):
-- several server instances may all call it; the others get -1 and try again later. Counts the
-- pending rows it takes per UTC day and hour into chat_day_versions and chat_hour_versions, in the
-- same transaction (a day's version is that count plus the day's rows still pending: what a reader
-- adds up in one snapshot). Rows of zero sums (version bumps) are counted and not applied. The
-- per-field rows are applied first (daily, then hourly), then the pair rows, as every path does,
-- so that concurrent transactions take row locks in the same order. Returns how many pending rows
-- it folded.`,
    body,
  };
}
