// Entry of an analysis thread: sources are TypeScript run through tsx (no build step), and a worker thread
// does not inherit the loader its parent registered.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-thread.ts');
