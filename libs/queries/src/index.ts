export { QUERIES, getQuery, type QueryName } from './catalog.ts';
export {
  currentRuleset,
  describeDefault,
  hoursAgo,
  now,
  placeholders,
  resolveParams,
  TIME,
  value,
  QueryParamError,
  type GivenParams,
  type NamedQuery,
  type ParamContext,
  type ParamDefault,
  type ParamSpec,
} from './query.ts';
export { ANALYST_DOC_PATH, renderAnalystDoc } from './doc.ts';
