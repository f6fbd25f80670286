import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerServices } from './commands/services.ts';

const program = new Command('wirewatch')
  .description('wirewatch: watch news wires for signs of military escalation')
  .showHelpAfterError();

// One module per command group; each adds its commands to the program.
registerServices(program);
registerIngest(program);
registerAnalyze(program);

await program.parseAsync(process.argv);
