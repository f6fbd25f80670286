import { Command } from 'commander';
import { registerAlerts } from './commands/alerts.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerDemo } from './commands/demo.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerReplay } from './commands/replay.ts';
import { registerRules } from './commands/rules.ts';
import { registerRun } from './commands/run.ts';
import { registerServices } from './commands/services.ts';
import { registerSql } from './commands/sql.ts';

const program = new Command('wirewatch')
  .description('wirewatch: watch news wires for signs of military escalation')
  .showHelpAfterError();

// One module per command group; each adds its commands to the program.
registerServices(program);
registerIngest(program);
registerAnalyze(program);
registerRun(program);
registerDemo(program);
registerReplay(program);
registerSql(program);
registerRules(program);
registerAlerts(program);

await program.parseAsync(process.argv);
