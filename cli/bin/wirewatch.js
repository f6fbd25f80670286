#!/usr/bin/env -S node --max-semi-space-size=64
// The wirewatch command line. Sources are TypeScript run through tsx (no build step).
// A larger young generation (64 MB semi-spaces, 16 MB by default): `wirewatch run` allocates a batch's messages,
// envelopes and rows faster than the default scavenges them, and under load this takes about a tenth of its CPU
// (docs/pipeline-bench.md). Kept on this line, so `npx wirewatch`, the image and the tests start it alike.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
