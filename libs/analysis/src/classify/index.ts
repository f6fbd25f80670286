export { classifySentence, hasHostileContext, headlineBlocks, isBackground, resolveNegation, type EventMention, type HeadlineBlock } from './classify.ts';
export { lexicon, compileLexicon, type CompiledLexicon } from './lexicon.ts';
export { analyzeSentence } from './sentence.ts';
