/**
 * wirewatch patches the Temporal worker at install (patches/, applied by patch-package on `npm ci`): workflow
 * activations run without a per-call vm timeout and without the stack-trace promise hook (docs/architecture.md,
 * "Temporal SDK patch"). An SDK upgrade that silently drops the patch would bring back most of the workflow
 * thread's cost, so this checks that the installed SDK is the patched one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const sdkFile = (name: string): string => require.resolve(`@temporalio/worker/lib/workflow/${name}`);

describe('the patched Temporal worker', () => {
  it('calls into a workflow without a vm timeout (no watchdog thread per call)', () => {
    const source = readFileSync(sdkFile('reusable-vm.js'), 'utf8');
    const call = source.slice(source.indexOf('context.__temporal_args = [holder, fn, args];'));
    const options = call.slice(call.indexOf('callIntoVmScript.runInContext(context, {'), call.indexOf('});'));
    expect(options).toContain('displayErrors: true');
    expect(options).not.toContain('timeout');
  });

  it('installs no promise hook for workflow stack traces', async () => {
    // In a thread of its own: installing the handlers overrides Error.prepareStackTrace for the whole isolate.
    const thread = new Worker(
      `const { globalHandlers } = require(${JSON.stringify(sdkFile('vm-shared.js'))});
       globalHandlers.install();
       require('node:worker_threads').parentPort.postMessage({ installed: globalHandlers.installed, hook: globalHandlers.promiseHookInstalled });`,
      { eval: true },
    );
    const answer = await new Promise<{ installed: boolean; hook: boolean }>((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
    await thread.terminate();
    expect(answer).toEqual({ installed: true, hook: false });
  });
});
