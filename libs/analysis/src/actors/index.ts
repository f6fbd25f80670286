/**
 * Actors: who is named in a sentence (ISO 3166-1 alpha-3 or organisation codes) and which of them
 * act on or are acted on by an event. Data lives in libs/analysis/data/actors (see docs/actors.md).
 */
export { findActorMentions, type ActorMention } from './mentions.ts';
export { assignRoles, type RoleOptions, type Roles, type Span } from './roles.ts';
export { ACTOR_DATA_FILES, type MentionKind } from './gazetteer.ts';
