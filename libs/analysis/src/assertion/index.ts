export { assessAssertion, isNegated, strongerHedge, unconfirmsPrevious, type AssertionResult } from './assertion.ts';
