/**
 * A small, deterministic English morphology for the naming rules: past participles (events),
 * imperative verbs (commands) and singular nouns (aggregates and read models).
 *
 * Everything here is dictionary first, heuristics second. The dictionaries cover the verbs
 * and nouns event-storming models of public services use; the heuristics only decide for
 * words the dictionaries do not know, and they err on the side of accepting a name.
 *
 * Word-level functions take and return lower-case words; name-level functions take a
 * PascalCase name and keep the spelling of the words they do not change.
 */
import { words } from './case.js';

// ---------------------------------------------------------------------------------------------
// Irregular verbs

/**
 * base, simple past, past participle. `a|b` lists accepted variants, the first one is the
 * form a suggestion uses (British where the two differ, as the Government24 seed does).
 */
const IRREGULAR_TABLE = `
arise arose arisen
awake awoke awoken
be was|were been
bear bore borne|born
beat beat beaten
become became become
befall befell befallen
begin began begun
behold beheld beheld
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
foretell foretold foretold
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got got|gotten
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
input input input
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
leap leapt leapt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mishear misheard misheard
mislay mislaid mislaid
mislead misled misled
misread misread misread
mistake mistook mistaken
misunderstand misunderstood misunderstood
offset offset offset
outbid outbid outbid
outgrow outgrew outgrown
outrun outran outrun
output output output
overcome overcame overcome
overpay overpaid overpaid
override overrode overridden
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
overwrite overwrote overwritten
pay paid paid
prepay prepaid prepaid
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
redo redid redone
remake remade remade
repay repaid repaid
rerun reran rerun
resell resold resold
resend resent resent
reset reset reset
retake retook retaken
retell retold retold
rethink rethought rethought
rewind rewound rewound
rewrite rewrote rewritten
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn|sewed
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown|showed
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
sleep slept slept
slide slid slid
sling slung slung
speak spoke spoken
speed sped sped
spend spent spent
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck|stricken
string strung strung
strive strove striven
sublet sublet sublet
swear swore sworn
sweep swept swept
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
unbind unbound unbound
underpay underpaid underpaid
undergo underwent undergone
understand understood understood
undertake undertook undertaken
undo undid undone
unfreeze unfroze unfrozen
unwind unwound unwound
uphold upheld upheld
upset upset upset
wake woke woken
wear wore worn
weave wove woven
wed wed wed
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
`;

interface IrregularVerb {
  readonly base: string;
  /** Simple past forms; the first is canonical. */
  readonly past: readonly string[];
  /** Past participles; the first is canonical. */
  readonly participles: readonly string[];
}

const IRREGULAR = new Map<string, IrregularVerb>();
for (const line of IRREGULAR_TABLE.split('\n')) {
  const [base, past, participle] = line.trim().split(/\s+/);
  if (!base || !past || !participle) continue;
  IRREGULAR.set(base, { base, past: past.split('|'), participles: participle.split('|') });
}

/** Variant participles (mostly British) of verbs that are otherwise regular. */
const VARIANT_PARTICIPLES: ReadonlyMap<string, string> = new Map([
  ['burnt', 'burn'],
  ['dreamt', 'dream'],
  ['learnt', 'learn'],
  ['leant', 'lean'],
  ['proven', 'prove'],
  ['smelt', 'smell'],
  ['spelt', 'spell'],
  ['spilt', 'spill'],
  ['spoilt', 'spoil'],
]);

/** Every irregular past participle → its base verb (first verb wins: `found` → find). */
const PARTICIPLE_BASE = new Map<string, string>();
/** Irregular simple past forms that are not also participles (`wrote`, `took`) → base verb. */
const SIMPLE_PAST_BASE = new Map<string, string>();
for (const v of IRREGULAR.values()) {
  for (const p of v.participles) if (!PARTICIPLE_BASE.has(p)) PARTICIPLE_BASE.set(p, v.base);
}
for (const [p, base] of VARIANT_PARTICIPLES) PARTICIPLE_BASE.set(p, base);
for (const v of IRREGULAR.values()) {
  for (const p of v.past) if (!PARTICIPLE_BASE.has(p) && !SIMPLE_PAST_BASE.has(p)) SIMPLE_PAST_BASE.set(p, v.base);
}

// ---------------------------------------------------------------------------------------------
// Regular verbs

/**
 * Verbs whose final consonant doubles before -ed and -ing: stressed final syllables
 * (submit → submitted) and, in British spelling, a final -l after one vowel (cancel →
 * cancelled). One-syllable consonant-vowel-consonant verbs (stop, plan, ship) double by rule.
 */
const DOUBLING = new Set(
  `abet acquit admit allot annul appal bar begin blur cancel channel commit compel concur confer
  control counsel debug defer deter dial dispel distil emit enrol equal equip excel expel forbid
  forget format fuel fulfil incur infer initial input instil label level marshal model occur omit
  outbid outfit output patrol pedal permit plan prefer program propel rebel recur refer refit
  refuel regret relabel remit remodel repel resubmit retransmit rival ship signal stop sublet
  submit total transfer transmit travel unplug unravel unzip worship zip`.split(/\s+/),
);

/** Verbs in -ic that take a k before -ed (panic → panicked). */
const IC_VERBS = new Set(['frolic', 'mimic', 'panic', 'picnic', 'traffic']);

/** Verbs a prefix rule would get wrong (relay is not re + lay). */
const REGULAR_OVERRIDES: ReadonlyMap<string, string> = new Map([['relay', 'relayed']]);

/** Prefixes that keep the verb's inflection (resend → resent, resubmit → resubmitted). */
const INFLECTION_PREFIXES = ['under', 'over', 'with', 'fore', 'mis', 'pre', 're', 'un', 'up'];

/**
 * Imperative verbs commands start with. Not every English verb: the common ones of
 * event-storming models (public services, payments, licensing, fulfilment) and the verbs a
 * noun-suffix test would otherwise mistake for nouns (mention, document, balance, witness).
 */
const VERB_LIST = `
abandon accept access accredit acknowledge acquire activate add address adjust adjudicate admit
adopt advance advise affirm aggregate agree alert allocate allow amend analyse analyze annotate
announce annul anonymise anonymize answer appeal append apply appoint apportion appraise approve
archive arrange arrest ask assemble assert assess assign assist associate attach attempt attend
attest attribute auction audit audition augment authenticate authorise authorize automate avoid award
backfill backup balance ban bar batch bill block book boost bootstrap bounce browse budget bump
calculate calibrate call cancel capture categorise categorize caution cement certify change
charge chase check checkout choose claim clarify classify clean cleanse clear click clone close
collect combine commence comment commission commit compare compensate compile complete complement
compliment comply compose compress conduct compute conceal conclude condition configure confirm connect consent
consolidate construct consult consume contact continue contract contribute control convert
copy correct count cover create credit crop customise customize deactivate debit debug decide declare
decline decode decommission decrease decrypt deduct defer define delay delegate delete deliver
demand deny deploy deposit deregister derive describe design designate detect determine
digitise digitize disable disburse discard disclose disconnect discount discover dismiss dispatch
display dispose dispute distribute divide document download draft drop duplicate edit elect
eliminate email embed emit enable encode encrypt end endorse enforce engage enhance enqueue enrich
enrol enroll ensure enter envision escalate establish estimate evaluate evidence examine exceed
exchange exclude execute exempt exercise expect expedite experience experiment expire explain export
expose extend extract fail fetch file fill filter finalise finalize finance find finish fix fulfill flag
flush follow format forward function fund gather generate grant greet group handle harness hash
heal help hire identify ignore implement import impose improve include increase increment index
influence inform inquire enquire initialise initialize initiate insert inspect install instruct insure integrate
interview introduce invalidate investigate invite invoice invoke issue join label launch lease
license licence limit link list load locate lock lodge log login logout look lookup mail maintain
manage map mark marshal match measure mention merge migrate mint mismatch model modify monitor
move name navigate need negotiate nominate normalise normalize notarise notarize note notify
obtain offer onboard open order organise organize override own pair park parse partition pass
pause perform permit persist petition photograph pick pin ping place plan poll position post
postpone prefill prepare present preserve prevent preview price print prioritise prioritize
proceed process procure produce promote prompt propose protect prove provide provision publish pull
purchase purge push qualify query question queue quote raise rank rate ration reach reactivate
reallocate reassign rebook recalculate recall receive recognise recognize recommend reconcile
record recover redact redeem redirect reduce reference refer refill refresh refund refuse
register reimburse reinstate reissue reject relabel release remind remove rename render renew rent
reopen reorder repair repeal replace replay reply report represent reposition request require requisition reschedule
rescind reserve resolve respond restart restore restrict resubmit resume retain retire retract
retrieve retry return reveal reverse review revise revoke reward rollback rotate route sanction save scan
schedule score screen seal search segment select sentence sequence serve settle share ship sign
signal silence simulate skip spiral snapshot solve sort specify stamp start station stop store stream
submit subscribe succeed suggest summarise summarize supplement supply survey suspend swap switch sync
synchronise synchronize tag terminate test text throttle timestamp tokenise tokenize total
track trade train transcribe transfer transform transition translate transmit treat trigger trim
unblock unlink unlock unpublish unregister unsubscribe update upgrade upload use validate value
verify version view visit void vote waive warn watch weigh witness work
`;

const VERBS = new Set([...VERB_LIST.split(/\s+/).filter((w) => w.length > 0), ...DOUBLING, ...IC_VERBS]);

/**
 * Known verbs that are at least as often nouns (`GeocodeAddress`, `PaymentRequest`,
 * `PlaceHold`): as the last word of a command they do not make it a noun-first name, as the
 * first word of an event they make it read as a command only when nothing else fits, and a
 * prefix on them does not make a verb (`Precondition`).
 */
const NOUN_LIKE_VERBS = new Set(
  `access address advance alert answer appeal archive attempt audit award backup balance batch
  beat bet bid bill block book break budget build call cast catch cement charge check claim
  comment commission condition consent contact contract control copy cost cover credit cut deal
  debit decrease delay deposit design dig discount dispatch display dispute document draft draw
  drive email end estimate evidence exchange experience experiment export fall feed file filter
  finance finish flag fly format function fund grant group hang harness hash help hit hold import
  increase index input interview invoice label lead lease licence license light limit link list
  load lock log login logout lookup mail mark match mention model move name need note offer
  offset order output pair partition pass permit petition photograph pin ping plan position post
  present preview price print process provision purchase query question queue quote rank rate
  ration reach read record reference refund reply report request reserve return review reward
  ride ring rise rollback route run schedule score screen seal search segment sentence sequence
  set show sign signal sink snapshot sort split spread spring stamp stand start station stick
  store stream strike string supplement supply survey swing switch tag tear test text timestamp
  total trade train transfer transition trigger use value version view visit vote wake watch wear
  win wind witness work`.split(/\s+/),
);

/** Words that modify the verb that follows (AutoRenew, BulkApprove, ReSubmit). */
const VERB_MODIFIERS = new Set(
  `auto bulk batch bi co cross de dis double e force mass multi non over post pre re self sub
  super un under up down back`.split(/\s+/),
);

/** Words after which the rest of a name is a complement (SubmitApplicationForReview). */
const CUT_WORDS = new Set(
  `about after and at before by during for from if in into of on or over than to until upon via
  when where while with within without`.split(/\s+/),
);

/** Particles of phrasal verbs: an event may end in one after its participle (UserLoggedIn). */
const PARTICLES = new Set(['away', 'back', 'down', 'in', 'off', 'on', 'out', 'over', 'through', 'up']);

/** Words ending in -ed or -eed that are not participles: base verbs and nouns. */
const NOT_PARTICIPLES = new Set(
  `bed bleed breed creed deed embed exceed feed greed heed hundred imbed indeed kindred need
  proceed red reed sacred seabed seed shed shred sled speed steed succeed tweed weed`.split(/\s+/),
);

/** Words ending in -ing that are not gerunds. */
const NOT_GERUNDS = new Set(
  `building ceiling clothing darling during evening herring king morning nothing offspring pudding
  ring sibling something anything everything spring sting string swing thing wing`.split(/\s+/),
);

/** Noun suffixes; a known verb with one (mention, document) is a verb first. */
const NOUN_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ship|[^e]al)$/;

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

/** Nouns that look like nominalised verbs but name a thing (an application is a document). */
const NOT_ACTION_NOUNS = new Set(
  `application appointment association attachment commission conference corporation documentation
  equation equipment federation foundation function information institution location nation
  operation organisation organization payment population position preference question relation
  requirement section shipment situation solution statement station`.split(/\s+/),
);

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

// ---------------------------------------------------------------------------------------------
// Names

/** Upper-cases the first letter, keeps the rest (`SMS` stays `SMS`). */
function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Lower-case form used for dictionary look-ups; acronyms (`SMS`) are not words to inflect. */
function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word);
}

function isVersionToken(word: string): boolean {
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

// ---------------------------------------------------------------------------------------------
// Nouns

const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['alumni', 'alumnus'],
  ['analyses', 'analysis'],
  ['appendices', 'appendix'],
  ['calves', 'calf'],
  ['children', 'child'],
  ['crises', 'crisis'],
  ['criteria', 'criterion'],
  ['diagnoses', 'diagnosis'],
  ['elves', 'elf'],
  ['feet', 'foot'],
  ['geese', 'goose'],
  ['halves', 'half'],
  ['hypotheses', 'hypothesis'],
  ['indices', 'index'],
  ['knives', 'knife'],
  ['leaves', 'leaf'],
  ['lives', 'life'],
  ['loaves', 'loaf'],
  ['matrices', 'matrix'],
  ['men', 'man'],
  ['mice', 'mouse'],
  ['oxen', 'ox'],
  ['parentheses', 'parenthesis'],
  ['people', 'person'],
  ['phenomena', 'phenomenon'],
  ['quizzes', 'quiz'],
  ['selves', 'self'],
  ['shelves', 'shelf'],
  ['syntheses', 'synthesis'],
  ['teeth', 'tooth'],
  ['theses', 'thesis'],
  ['thieves', 'thief'],
  ['vertices', 'vertex'],
  ['wives', 'wife'],
  ['wolves', 'wolf'],
  ['women', 'woman'],
]);

/** Singular nouns that end in s (and mass nouns such as news) that the suffix tests miss. */
const SINGULAR_IN_S = new Set(
  `alias always arrears atlas bias biceps canvas chaos christmas clothes cosmos corps diabetes dos
  earnings ethos gas goods headquarters herpes kudos lens means measles mumps news overseas
  pancreas pathos perhaps plus premises proceeds rabies savings series species surroundings thanks
  thermos whereabouts yes`.split(/\s+/),
);

/** Nouns in -ie (movie), whose plural is -ies but not from -y. */
const IE_NOUNS = new Set(
  `auntie brownie calorie cookie die freebie genie goalie hoodie lie movie newbie pie prairie
  rookie selfie smoothie sortie tie zombie`.split(/\s+/),
);

/** Nouns in -us whose plural is -uses (statuses, bonuses). */
const US_NOUNS = new Set(
  `abacus apparatus bonus bus cactus campus caucus census chorus circus consensus corpus exodus
  focus fungus genus hiatus impetus lotus minus nexus octopus omnibus onus plus prospectus radius
  rebus sinus status stimulus surplus syllabus terminus thesaurus virus walrus`.split(/\s+/),
);

/** Nouns in -o whose plural is -oes. */
const OES_NOUNS = new Set(['echo', 'embargo', 'hero', 'mosquito', 'potato', 'tomato', 'torpedo', 'veto', 'volcano']);

/** Nouns in -che (cache), whose plural -ches is not -ch + es. */
const CHE_NOUNS = new Set(['ache', 'avalanche', 'cache', 'cliche', 'creche', 'headache', 'moustache', 'mustache', 'niche', 'psyche', 'quiche']);

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

// ---------------------------------------------------------------------------------------------
// Outcomes that read as failures

/**
 * Last words of an event name that report a step that did not do what it was asked (MSA309):
 * `PaymentDeclined`, `PermitRefused`, `NotificationFailed`, `PaymentTimedOut`. Words that as
 * often report a step done on purpose (Cancelled, Revoked, Withdrawn: the outcome of a cancel
 * command) are listed too; the rule skips an outcome whose word is its own command's verb.
 */
const FAILURE_WORDS = new Set([
  'aborted',
  'cancelled',
  'canceled',
  'declined',
  'denied',
  'disapproved',
  'errored',
  'expired',
  'failed',
  'flagged',
  'invalidated',
  'refused',
  'rejected',
  'revoked',
  'timedout',
]);

/**
 * The word that makes an event name read as a failure (`Declined` in `PaymentDeclined`,
 * `TimedOut` in `PaymentTimedOut`), or undefined. A version suffix (`V2`) is skipped.
 */
export function failureWord(name: string): string | undefined {
  const parts = words(name);
  while (parts.length > 1 && isVersionToken(parts[parts.length - 1]!)) parts.pop();
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  const before = parts[parts.length - 2];
  if (before !== undefined && FAILURE_WORDS.has(`${before}${last}`.toLowerCase())) return `${before}${last}`;
  return FAILURE_WORDS.has(last.toLowerCase()) ? last : undefined;
}
