export { ConfigSchema, CONFIG_KEYS, type Config, type ConfigInput } from './schema.ts';
export { ConfigError, parseConfig, loadConfig, loadConfigOrExit, configWith, childEnv } from './load.ts';
