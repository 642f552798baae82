/** Nouns: the singular of a plural noun, and of a PascalCase name whose last word is one. */
import { words } from '../case.js';
import { capital, isAcronym } from './names.js';
import { CHE_NOUNS, IE_NOUNS, IRREGULAR_PLURALS, OES_NOUNS, SINGULAR_IN_S, US_NOUNS } from './words.js';

/**
 * The singular of a plural noun, or undefined when the word is already singular (or a mass
 * noun such as data, news or status). Applications → application, Registries → registry.
 */
export function singularNoun(word: string): string | undefined {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_PLURALS.get(w);
  if (irregular) return irregular;
  if (!w.endsWith('s') || w.length <= 3 || SINGULAR_IN_S.has(w)) return undefined;
  if (/(?:ss|us|is|ics|ous)$/.test(w)) return undefined;
  if (w.endsWith('ies')) {
    const ie = w.slice(0, -1);
    if (IE_NOUNS.has(ie)) return ie;
    return w.slice(0, -3) + 'y';
  }
  if (w.endsWith('uses')) {
    const us = w.slice(0, -2);
    return US_NOUNS.has(us) ? us : w.slice(0, -1);
  }
  if (/(?:sses|xes|shes|zzes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ches')) {
    const che = w.slice(0, -1);
    return CHE_NOUNS.has(che) ? che : w.slice(0, -2);
  }
  if (w.endsWith('oes')) {
    const o = w.slice(0, -2);
    return OES_NOUNS.has(o) ? o : w.slice(0, -1);
  }
  return w.slice(0, -1);
}

/**
 * The name with its last word made singular, or undefined when the last word is singular:
 * CitizenApplications → CitizenApplication. Acronyms and numbers are left alone.
 */
export function singularName(name: string): string | undefined {
  const parts = words(name);
  const last = parts[parts.length - 1];
  if (last === undefined || isAcronym(last) || /^\d+$/.test(last)) return undefined;
  const singular = singularNoun(last);
  if (singular === undefined) return undefined;
  const cased = last.charAt(0) === last.charAt(0).toUpperCase() ? capital(singular) : singular;
  return [...parts.slice(0, -1).map(capital), cased].join('');
}
