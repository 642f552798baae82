/**
 * Name-level grammar of the naming rules: whether an event name is in the past tense (and a
 * proposal when not), and whether a command name starts with an imperative verb.
 */
import { words } from '../case.js';
import { baseVerb, isGerund, isKnownVerb, isNounLikeVerb, isPastParticiple, isSimplePast, pastParticiple, verbOfActionNoun, verbOfGerund, verbOfPast } from './verbs.js';
import { CUT_WORDS, NOUN_SUFFIX, PARTICLES, VERB_MODIFIERS } from './words.js';

/** Upper-cases the first letter, keeps the rest (`SMS` stays `SMS`). */
export function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Lower-case form used for dictionary look-ups; acronyms (`SMS`) are not words to inflect. */
export function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word);
}

export function isVersionToken(word: string): boolean {
  return /^(?:v\d+|\d+)$/i.test(word);
}

/** Strips a leading qualifier (one or more words), returning it and the remaining words. */
function splitQualifier(parts: readonly string[], qualifiers: readonly string[]): [string[], string[]] {
  for (const q of [...qualifiers].sort((a, b) => b.length - a.length)) {
    const qw = words(q);
    if (qw.length === 0 || qw.length >= parts.length) continue;
    if (qw.every((w, i) => parts[i] === w)) return [parts.slice(0, qw.length), parts.slice(qw.length)];
  }
  return [[], [...parts]];
}

/**
 * Whether an event name is in the past tense: its last word is a past participle. A phrasal
 * particle after the participle (`UserLoggedIn`) and a version suffix (`V2`) are allowed.
 */
export function isPastTenseName(name: string): boolean {
  const parts = words(name);
  while (parts.length > 1 && isVersionToken(parts[parts.length - 1]!)) parts.pop();
  const last = parts[parts.length - 1];
  if (last === undefined) return false;
  if (isPastParticiple(last)) return true;
  const before = parts[parts.length - 2];
  return PARTICLES.has(last.toLowerCase()) && before !== undefined && isPastParticiple(before);
}

/**
 * A past-tense name for an event that is not in the past tense, or undefined when there is
 * no confident proposal:
 * - RequestSubmit → RequestSubmitted, DocumentSend → DocumentSent (the last word is a verb);
 * - ApplicationSubmitting → ApplicationSubmitted, DocumentWrote → DocumentWritten;
 * - SubmitApplication → ApplicationSubmitted (verb first, a command's name), keeping a
 *   leading qualifier in front: GeneralSubmitApplication → GeneralApplicationSubmitted.
 */
export function proposeEventName(name: string, qualifiers: readonly string[] = []): string | undefined {
  const all = words(name);
  const suffix: string[] = [];
  while (all.length > 1 && isVersionToken(all[all.length - 1]!)) suffix.unshift(all.pop()!);
  const [qualifier, parts] = splitQualifier(all, qualifiers);
  if (parts.length === 0) return undefined;
  const build = (core: readonly string[]) => {
    const proposal = [...qualifier, ...core, ...suffix].map(capital).join('');
    return proposal === name ? undefined : proposal;
  };
  const participleOf = (w: string): string | undefined => {
    if (isAcronym(w)) return undefined;
    const lower = w.toLowerCase();
    if (isPastParticiple(lower)) return undefined;
    if (isSimplePast(lower)) return pastParticiple(verbOfPast(lower)!);
    if (isGerund(lower)) {
      const base = verbOfGerund(lower);
      return base !== undefined && isKnownVerb(base) ? pastParticiple(base) : undefined;
    }
    if (isKnownVerb(lower)) return pastParticiple(lower);
    return undefined;
  };

  const lastIndex = parts.length - 1;
  const last = parts[lastIndex]!;
  // SessionLogOut → SessionLoggedOut
  if (PARTICLES.has(last.toLowerCase()) && lastIndex > 0) {
    const p = participleOf(parts[lastIndex - 1]!);
    if (p !== undefined) return build([...parts.slice(0, lastIndex - 1), p, last]);
    return undefined;
  }
  const first = parts[0]!;
  const firstBase = parts.length > 1 && !isAcronym(first) ? baseVerb(first) : undefined;
  const lastIsVerbForm =
    !isAcronym(last) && (isKnownVerb(last) || isPastParticiple(last) || isSimplePast(last) || isGerund(last));
  const verbFirst = () => build([...parts.slice(1), pastParticiple(firstBase!)]);
  // SubmitApplication, SubmittedApplication, SubmitRequest → ApplicationSubmitted, RequestSubmitted
  if (firstBase !== undefined && !isNounLikeVerb(firstBase) && (!lastIsVerbForm || isNounLikeVerb(last))) {
    return verbFirst();
  }
  // RequestSubmit, DocumentSend, ApplicationSubmitting → RequestSubmitted, DocumentSent…
  const p = participleOf(last);
  if (p !== undefined) return build([...parts.slice(0, lastIndex), p]);
  // ApplicationApproval, AddressVerification → ApplicationApproved, AddressVerified
  const action = isAcronym(last) ? undefined : verbOfActionNoun(last);
  if (action !== undefined) return build([...parts.slice(0, lastIndex), pastParticiple(action)]);
  // ProcessPayment, CheckEligibility → PaymentProcessed, EligibilityChecked
  if (firstBase !== undefined && !lastIsVerbForm) return verbFirst();
  return undefined;
}

export type CommandNameProblem =
  /** SubmittedApplication */
  | 'past'
  /** SubmittingApplication */
  | 'gerund'
  /** ApplicationSubmit */
  | 'noun-first';

export interface CommandNameFinding {
  readonly problem: CommandNameProblem;
  /** A name that starts with the imperative, when one can be proposed. */
  readonly proposal: string | undefined;
}

/** The index of the word that ends the name's verb phrase (before `For`, `When`, `And`…). */
function phraseEnd(parts: readonly string[]): number {
  for (let i = 1; i < parts.length; i++) if (CUT_WORDS.has(parts[i]!.toLowerCase())) return i;
  return parts.length;
}

/** A verb form the dictionaries know (any inflection), as its base. */
function verbFormBase(word: string): string | undefined {
  return isAcronym(word) ? undefined : baseVerb(word);
}

/**
 * Checks that a command name starts with an imperative verb. `nouns` holds lower-case words
 * known to be nouns in the model (the words of its aggregates' names). Returns undefined when
 * the name is fine or when nothing shows it is wrong: an unknown first word is accepted.
 */
export function checkCommandName(name: string, nouns: ReadonlySet<string> = new Set()): CommandNameFinding | undefined {
  const parts = words(name);
  const first = parts[0];
  if (first === undefined || isAcronym(first)) return undefined;
  const w0 = first.toLowerCase();
  const end = phraseEnd(parts);
  const lastInPhrase = end - 1;
  const trailing = lastInPhrase > 0 ? parts[lastInPhrase]! : undefined;
  const trailingBase = trailing === undefined ? undefined : verbFormBase(trailing);
  /** The trailing word is clearly a verb (not a noun that is also a verb). */
  const trailingIsVerb =
    trailing !== undefined &&
    trailingBase !== undefined &&
    !(isKnownVerb(trailing) && isNounLikeVerb(trailing));

  const build = (index: number, base: string) =>
    [capital(base), ...parts.slice(0, index), ...parts.slice(index + 1)].map(capital).join('');
  const nounFirst = (): CommandNameFinding => {
    // Move the verb to the front: the last word of the verb phrase if it is a verb form,
    // else the first verb form after the first word.
    let index = -1;
    if (trailingBase !== undefined) index = lastInPhrase;
    else {
      for (let i = 1; i < end; i++) {
        if (verbFormBase(parts[i]!) !== undefined) {
          index = i;
          break;
        }
      }
    }
    let base = index > 0 ? verbFormBase(parts[index]!) : undefined;
    if (base === undefined) {
      // ApplicationApproval → ApproveApplication: the verb an action noun is made from.
      for (let i = end - 1; i >= 1 && base === undefined; i--) {
        const w = parts[i]!;
        base = isAcronym(w) ? undefined : verbOfActionNoun(w);
        if (base !== undefined) index = i;
      }
    }
    const proposal = base === undefined ? undefined : build(index, base);
    return { problem: 'noun-first', proposal: proposal === name ? undefined : proposal };
  };

  if (isKnownVerb(w0)) {
    // PermitRenew, where Permit is an aggregate: a noun that is also a verb, then a verb.
    // (Not a verb then an action noun: ReviewSubmission may well mean "review the submission".)
    if (nouns.has(w0) && trailingIsVerb) return nounFirst();
    return undefined;
  }
  if (isPastParticiple(w0) || isSimplePast(w0)) {
    const base = verbOfPast(w0);
    if (base === undefined) return { problem: 'past', proposal: undefined };
    const proposal = build(0, base);
    return { problem: 'past', proposal: proposal === name ? undefined : proposal };
  }
  if (isGerund(w0)) {
    if (trailingIsVerb) return nounFirst(); // BookingCancel → CancelBooking
    const base = verbOfGerund(w0);
    const proposal = base === undefined ? undefined : build(0, base);
    return { problem: 'gerund', proposal: proposal === name ? undefined : proposal };
  }
  if (VERB_MODIFIERS.has(w0)) return undefined; // AutoRenew, BulkApprove
  if (nouns.has(w0) || NOUN_SUFFIX.test(w0) || trailingIsVerb) return nounFirst();
  return undefined;
}
