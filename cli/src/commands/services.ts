import type { Command } from 'commander';
import { loadConfigOrExit } from '@wirewatch/config';
import {
  defaultServices,
  parseServiceNames,
  SERVICE_NAMES,
  servicesDown,
  servicesStatus,
  servicesUp,
  stackPaths,
  StackError,
} from '@wirewatch/stack';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Expected failures (a service would not start) print their message and log tail, not a stack trace. */
async function reportingErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof StackError)) throw err;
    process.stderr.write(`wirewatch services: ${err.message}\n`);
    process.exitCode = 1;
  }
}

export function registerServices(program: Command): void {
  const services = program
    .command('services')
    .description(
      `install, start and stop the local services (${SERVICE_NAMES.join(', ')}) under WIREWATCH_HOME`,
    );

  services
    .command('up')
    .description(
      'install what is missing, start and health-check the services (a no-op for those already running)',
    )
    .option('--only <names>', `comma-separated subset of ${SERVICE_NAMES.join(',')}`)
    .option('--with-clickhouse-server', 'also start clickhouse-server (as STACK_CLICKHOUSE_SERVER=true does)')
    .action((opts: { only?: string; withClickhouseServer?: boolean }) =>
      reportingErrors(async () => {
        const config = loadConfigOrExit();
        const names = opts.only
          ? parseServiceNames(opts.only)
          : defaultServices(config, opts.withClickhouseServer);
        const started = Date.now();
        await servicesUp(names, { config, onProgress: say });
        say(
          `services up: ${names.join(', ')} ready in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${stackPaths(config).logsDir}`,
        );
      }),
    );

  services
    .command('down')
    .description('stop the services (all by default) and check their ports are free')
    .option('--only <names>', `comma-separated subset of ${SERVICE_NAMES.join(',')}`)
    .action((opts: { only?: string }) =>
      reportingErrors(async () => {
        const config = loadConfigOrExit();
        await servicesDown(opts.only ? parseServiceNames(opts.only) : SERVICE_NAMES, {
          config,
          onProgress: say,
        });
      }),
    );

  services
    .command('status')
    .description('show whether each service runs and answers; exit code 1 if a started one does not answer')
    .option('--json', 'print the status as JSON')
    .action((opts: { json?: boolean }) =>
      reportingErrors(async () => {
        const config = loadConfigOrExit();
        const statuses = await servicesStatus({ config });
        if (opts.json) say(JSON.stringify(statuses, null, 2));
        else {
          for (const s of statuses) {
            const where = s.state === 'stopped' ? '' : ` pid ${s.pid} at ${s.endpoint}`;
            say(`${s.name.padEnd(10)} ${s.state.padEnd(9)}${where}  log ${s.logFile}`);
          }
        }
        if (statuses.some((s) => s.state === 'unhealthy')) process.exitCode = 1;
      }),
    );
}
