export { classifySentence, hasHostileContext, headlineBlocks, resolveNegation, type EventMention } from './classify.ts';
export { lexicon, compileLexicon, type CompiledLexicon } from './lexicon.ts';
export { analyzeSentence } from './sentence.ts';
