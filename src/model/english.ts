/**
 * A small, deterministic English morphology for the naming rules: past participles (events),
 * imperative verbs (commands) and singular nouns (aggregates and read models), and the words
 * that make an outcome read as a failure. The modules are in english/: the word tables
 * (words.ts), verbs, names, nouns and failure words.
 *
 * Everything here is dictionary first, heuristics second. The dictionaries cover the verbs
 * and nouns event-storming models of public services use; the heuristics only decide for
 * words the dictionaries do not know, and they err on the side of accepting a name.
 *
 * Word-level functions take and return lower-case words; name-level functions take a
 * PascalCase name and keep the spelling of the words they do not change.
 */
export { failureWord } from './english/failure.js';
export { checkCommandName, isPastTenseName, proposeEventName, type CommandNameFinding, type CommandNameProblem } from './english/names.js';
export { singularName, singularNoun } from './english/nouns.js';
export {
  baseVerb,
  isGerund,
  isKnownVerb,
  isNounLikeVerb,
  isPastParticiple,
  isSimplePast,
  pastParticiple,
  presentParticiple,
  verbOfActionNoun,
  verbOfGerund,
  verbOfPast,
} from './english/verbs.js';
