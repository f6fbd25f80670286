import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '@wirewatch/workflows';
import { describe, expect, it } from 'vitest';
import { repoPath } from './helpers/paths.ts';

// Histories recorded from real runs (workflows/scripts/record-history.sh), replayed against today's
// workflow code: a change that would break running workflows fails here, before it ships.
const dir = repoPath('workflows', 'histories');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('workflow determinism', () => {
  it('has recorded histories to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('replays every recorded history without non-determinism', async () => {
    const histories = fixtures.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      // The worker decodes the JSON that `temporal workflow show --output json` writes.
      history: JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as unknown,
    }));
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH }, histories)) {
      results.push(result);
    }
    expect(results).toHaveLength(fixtures.length);
    for (const result of results) expect(result.error, `${result.workflowId}: ${String(result.error)}`).toBeUndefined();
  });
});
