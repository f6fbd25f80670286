export { createActivities, toReportInput, type Activities, type ActivityDeps, type Analyzer, type DeadLetterSink, type SignalSink, type StoryAssigner, type StoryCandidate } from './activities.ts';
export { StoryStore, type StoryStoreOptions } from './stories.ts';
export { deadLetterSink, loggingSignalSink } from './sinks.ts';
export { startWorker, WORKFLOWS_PATH, type RunningWorker, type WorkerOptions } from './worker.ts';
export { connectTemporal } from './client.ts';
export * from './types.ts';
