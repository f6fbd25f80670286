// The ingest service in its own process for the benchmark, so the load generator does not share its event loop.
// Prints its URL as one JSON line on stdout once ready; stops on SIGTERM.
import { loadConfigOrExit } from '@wirewatch/config';
import { startIngest } from '@wirewatch/ingest';

const ingest = await startIngest(loadConfigOrExit());
await ingest.waitUntilReady(60_000);
process.stdout.write(`${JSON.stringify({ url: ingest.url })}\n`);
process.on('SIGTERM', () => {
  void ingest.close().then(() => process.exit(0));
});
