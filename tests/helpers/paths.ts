import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from any test file. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Shared evaluation data and samples live beside the repository, read-only. */
export const SHARED_DATA = join(REPO_ROOT, '..', 'shared', 'data');

export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);
export const sharedPath = (...parts: string[]): string => join(SHARED_DATA, ...parts);
