export {
  NativeReportSchema,
  normaliseReport,
  parseNativeReport,
  type NativeReport,
  type NativeReportInput,
} from './report.ts';
export { canonicalUrl, identityKey, reportId } from './identity.ts';
export { NinjsSchema, looksLikeNinjs, ninjsToNative, type Ninjs } from './ninjs.ts';
export { parseFeed, feedItemToNative, type FeedItem, type ParsedFeed } from './feed.ts';
export {
  ENVELOPE_SCHEMA_VERSION,
  OriginSchema,
  ReportEnvelopeSchema,
  DeadLetterSchema,
  buildEnvelope,
  encodeEnvelope,
  decodeEnvelope,
  buildDeadLetter,
  encodeDeadLetter,
  type Origin,
  type ReportEnvelope,
  type DeadLetter,
  type DeadLetterInput,
} from './envelope.ts';
export { jsonPath, issuesFromZod, type Issue, type Result } from './issues.ts';
export { htmlToPlainText, toPlainBlock, toPlainLine } from './text.ts';
export { jsonSchemas } from './json-schemas.ts';
