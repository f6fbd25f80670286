export { accusationDenied, assessAssertion, isNegated, strongerHedge, unconfirmsPrevious, type AssertionResult } from './assertion.ts';
