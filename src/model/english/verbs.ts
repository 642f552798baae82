/** Verbs: inflection (submit → submitted, submitting) and the base verb of any form the tables know. */
import { DOUBLING, IC_VERBS, INFLECTION_PREFIXES, IRREGULAR, NOT_ACTION_NOUNS, NOT_GERUNDS, NOT_PARTICIPLES, NOUN_LIKE_VERBS, PARTICIPLE_BASE, REGULAR_OVERRIDES, SIMPLE_PAST_BASE, VERBS } from './words.js';

/** One syllable, consonant-vowel-consonant: the final consonant doubles (stop → stopped). */
function isOneSyllableCvc(word: string): boolean {
  return /^(?:qu|[^aeiouy])*[aeiou][bdfgjklmnprstvz]$/.test(word);
}

/** Splits an inflection prefix off (`re` + `submit`) when `known` accepts the rest. */
function splitPrefix(word: string, known: (rest: string) => boolean): [string, string] | undefined {
  for (const p of INFLECTION_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 3) {
      const rest = word.slice(p.length);
      if (known(rest)) return [p, rest];
    }
  }
  return undefined;
}

function doubles(verb: string): boolean {
  if (DOUBLING.has(verb) || isOneSyllableCvc(verb)) return true;
  const split = splitPrefix(verb, (rest) => DOUBLING.has(rest) || isOneSyllableCvc(rest));
  return split !== undefined;
}

/** Whether `word` is a verb the dictionaries know, in its base form. */
export function isKnownVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (VERBS.has(w) || IRREGULAR.has(w)) return true;
  // resubmit, reissue, unassign, preapprove: a prefix on a verb that is not mostly a noun.
  return (
    splitPrefix(w, (rest) => IRREGULAR.has(rest) || (VERBS.has(rest) && !NOUN_LIKE_VERBS.has(rest))) !==
    undefined
  );
}

/** Known verbs that are often nouns at the end of a name (address, request, record). */
export function isNounLikeVerb(word: string): boolean {
  return NOUN_LIKE_VERBS.has(word.toLowerCase());
}

/** The past participle of a verb in its base form: submit → submitted, send → sent. */
export function pastParticiple(verb: string): string {
  const v = verb.toLowerCase();
  const irregular = IRREGULAR.get(v);
  if (irregular) return irregular.participles[0]!;
  const override = REGULAR_OVERRIDES.get(v);
  if (override) return override;
  const prefixed = splitPrefix(v, (rest) => IRREGULAR.has(rest));
  if (prefixed) return prefixed[0] + IRREGULAR.get(prefixed[1])!.participles[0]!;
  if (v.endsWith('e')) return v + 'd';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  if (IC_VERBS.has(v)) return v + 'ked';
  if (doubles(v)) return v + v.charAt(v.length - 1) + 'ed';
  return v + 'ed';
}

/** The -ing form of a verb: submit → submitting, issue → issuing. */
export function presentParticiple(verb: string): string {
  const v = verb.toLowerCase();
  if (v.endsWith('ie')) return v.slice(0, -2) + 'ying';
  if (v.endsWith('e') && !v.endsWith('ee') && !v.endsWith('ye') && !v.endsWith('oe') && v.length > 2) {
    return v.slice(0, -1) + 'ing';
  }
  if (IC_VERBS.has(v)) return v + 'king';
  if (doubles(v)) return v + v.charAt(v.length - 1) + 'ing';
  return v + 'ing';
}

/** Whether a word is a past participle: Submitted, Issued, Sent, Paid, Written (not Embed). */
export function isPastParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_PARTICIPLES.has(w)) return false;
  if (PARTICIPLE_BASE.has(w)) return true;
  if (splitPrefix(w, (rest) => PARTICIPLE_BASE.has(rest) && IRREGULAR.has(PARTICIPLE_BASE.get(rest)!))) return true;
  return w.length >= 4 && w.endsWith('ed') && /[aeiouy]/.test(w.slice(0, -2));
}

/** Whether a word is an irregular simple past that is not a participle: Wrote, Took, Began. */
export function isSimplePast(word: string): boolean {
  return SIMPLE_PAST_BASE.has(word.toLowerCase());
}

/** Whether a word is a gerund / present participle: Submitting, Processing (not Thing). */
export function isGerund(word: string): boolean {
  const w = word.toLowerCase();
  if (!w.endsWith('ing') || w.length < 5 || NOT_GERUNDS.has(w)) return false;
  return /[aeiouy]/.test(w.slice(0, -3));
}

/** Restores a stem the dictionaries do not know: undoubles, puts a silent e back. */
function guessStem(stem: string): string {
  const last = stem.charAt(stem.length - 1);
  const before = stem.charAt(stem.length - 2);
  if (last === before && /[bdgmnprt]/.test(last)) return stem.slice(0, -1);
  if (last === 'e') return stem + 'e'; // agreed, freed, guaranteed
  if (stem.endsWith('ell')) return stem.slice(0, -1);
  if (/(?:u|v|iz|yz|ys|[lnpr]s|[dr]g|[nr]c|[^aeiou]at|[^aeiou]id|[^aeiou]ut|[^aeiou]in|[^aeiou]ir|[^aeiou]ur|[^aeiou]ar|[^o]ok)$/.test(stem)) {
    return stem + 'e';
  }
  return stem;
}

/** Picks the candidate base verb the dictionaries know, else a guess. */
function pickStem(candidates: readonly string[], guess: string): string {
  for (const c of candidates) if (c.length >= 2 && isKnownVerb(c)) return c;
  return guess;
}

/** The base verb of a past participle or an irregular simple past: Submitted → submit. */
export function verbOfPast(word: string): string | undefined {
  const w = word.toLowerCase();
  const irregular = PARTICIPLE_BASE.get(w) ?? SIMPLE_PAST_BASE.get(w);
  if (irregular) return irregular;
  const prefixed = splitPrefix(w, (rest) => PARTICIPLE_BASE.has(rest) || SIMPLE_PAST_BASE.has(rest));
  if (prefixed) return prefixed[0] + (PARTICIPLE_BASE.get(prefixed[1]) ?? SIMPLE_PAST_BASE.get(prefixed[1]))!;
  if (!isPastParticiple(w)) return undefined;
  const stem = w.slice(0, -2);
  const candidates: string[] = [];
  if (stem.endsWith('i')) candidates.push(stem.slice(0, -1) + 'y');
  if (stem.endsWith('ick') && IC_VERBS.has(stem.slice(0, -1))) candidates.push(stem.slice(0, -1));
  if (stem.length > 2 && stem.charAt(stem.length - 1) === stem.charAt(stem.length - 2)) {
    candidates.push(stem.slice(0, -1));
  }
  candidates.push(stem + 'e', stem);
  if (stem.endsWith('i')) return pickStem(candidates, stem.slice(0, -1) + 'y');
  return pickStem(candidates, guessStem(stem));
}

/** The base verb of a gerund: Submitting → submit, Issuing → issue. */
export function verbOfGerund(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!isGerund(w)) return undefined;
  const stem = w.slice(0, -3);
  const candidates: string[] = [];
  if (stem.endsWith('y') && stem.length <= 3) candidates.push(stem.slice(0, -1) + 'ie');
  if (stem.endsWith('ck') && IC_VERBS.has(stem.slice(0, -1))) candidates.push(stem.slice(0, -1));
  candidates.push(stem);
  if (stem.length > 2 && stem.charAt(stem.length - 1) === stem.charAt(stem.length - 2)) {
    candidates.push(stem.slice(0, -1));
  }
  candidates.push(stem + 'e');
  return pickStem(candidates, guessStem(stem));
}

/** The base verb of any verb form the dictionaries and rules recognise, or undefined. */
export function baseVerb(word: string): string | undefined {
  const w = word.toLowerCase();
  if (isKnownVerb(w)) return w;
  const past = verbOfPast(w);
  if (past !== undefined && isKnownVerb(past)) return past;
  const gerund = verbOfGerund(w);
  if (gerund !== undefined && isKnownVerb(gerund)) return gerund;
  return undefined;
}

/**
 * The verb an action noun is made from, when the dictionaries know that verb: Approval →
 * approve, Verification → verify, Submission → submit, Issuance → issue, Failure → fail,
 * Linkage → link. Undefined for other words and for nouns that name things (Application).
 */
export function verbOfActionNoun(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 5 || NOT_ACTION_NOUNS.has(w) || isKnownVerb(w)) return undefined;
  const undouble = (x: string) =>
    x.length > 2 && x.charAt(x.length - 1) === x.charAt(x.length - 2) ? [x.slice(0, -1)] : [];
  const iy = (x: string) => (x.endsWith('i') ? [x.slice(0, -1) + 'y'] : []);
  const candidates: string[] = [];
  const strip = (suffix: string) => (w.endsWith(suffix) ? w.slice(0, -suffix.length) : undefined);
  let s: string | undefined;
  if ((s = strip('ication')) !== undefined) candidates.push(s + 'y');
  if ((s = strip('ation')) !== undefined) {
    candidates.push(s + 'ate', s + 'e', s, ...undouble(s));
    if (s.endsWith('r')) candidates.push(s.slice(0, -1) + 'er'); // registration → register
  }
  if ((s = strip('ition')) !== undefined) candidates.push(s, s + 'e');
  if ((s = strip('ution')) !== undefined) candidates.push(s + 'ute');
  if ((s = strip('etion')) !== undefined) candidates.push(s + 'ete');
  if ((s = strip('mission')) !== undefined) candidates.push(s + 'mit');
  if ((s = strip('ssion')) !== undefined) candidates.push(s + 'ss');
  if ((s = strip('nsion')) !== undefined) candidates.push(s + 'nd');
  if ((s = strip('rsion')) !== undefined) candidates.push(s + 'rt');
  if ((s = strip('sion')) !== undefined) candidates.push(s + 'de', s + 'se', s + 'd');
  if ((s = strip('ption')) !== undefined || (s = strip('ction')) !== undefined) candidates.push(w.slice(0, -3));
  if ((s = strip('ment')) !== undefined) candidates.push(s);
  if ((s = strip('al')) !== undefined) candidates.push(s + 'e', s, ...iy(s), ...undouble(s));
  if ((s = strip('ance') ?? strip('ence')) !== undefined) candidates.push(s, s + 'e', ...iy(s), ...undouble(s));
  if ((s = strip('ure')) !== undefined) candidates.push(s, s + 'e');
  if ((s = strip('age')) !== undefined) candidates.push(s, s + 'e');
  if ((s = strip('ery')) !== undefined) candidates.push(s + 'er'); // delivery → deliver
  return candidates.find((c) => c.length >= 3 && isKnownVerb(c));
}
