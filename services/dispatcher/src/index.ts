export { startDispatcher, type Dispatcher, type DispatcherDeps, type DispatcherOptions } from './dispatcher.ts';
export { cutBatches, type BatchLimits, type RawMessage } from './batcher.ts';
export { stageBatch } from './stage.ts';
