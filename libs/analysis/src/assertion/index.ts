export { assessAssertion, isNegated, strongerHedge, type AssertionResult } from './assertion.ts';
