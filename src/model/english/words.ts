/**
 * The English word tables of the naming rules: irregular verbs, verb and noun lists, and the
 * words that make an outcome read as a failure. Data, read by the other modules of this folder.
 */

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

export const IRREGULAR = new Map<string, IrregularVerb>();
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
export const PARTICIPLE_BASE = new Map<string, string>();

/** Irregular simple past forms that are not also participles (`wrote`, `took`) → base verb. */
export const SIMPLE_PAST_BASE = new Map<string, string>();
for (const v of IRREGULAR.values()) {
  for (const p of v.participles) if (!PARTICIPLE_BASE.has(p)) PARTICIPLE_BASE.set(p, v.base);
}
for (const [p, base] of VARIANT_PARTICIPLES) PARTICIPLE_BASE.set(p, base);
for (const v of IRREGULAR.values()) {
  for (const p of v.past) if (!PARTICIPLE_BASE.has(p) && !SIMPLE_PAST_BASE.has(p)) SIMPLE_PAST_BASE.set(p, v.base);
}

/**
 * Verbs whose final consonant doubles before -ed and -ing: stressed final syllables
 * (submit → submitted) and, in British spelling, a final -l after one vowel (cancel →
 * cancelled). One-syllable consonant-vowel-consonant verbs (stop, plan, ship) double by rule.
 */
export const DOUBLING = new Set(
  `abet acquit admit allot annul appal bar begin blur cancel channel commit compel concur confer
  control counsel debug defer deter dial dispel distil emit enrol equal equip excel expel forbid
  forget format fuel fulfil incur infer initial input instil label level marshal model occur omit
  outbid outfit output patrol pedal permit plan prefer program propel rebel recur refer refit
  refuel regret relabel remit remodel repel resubmit retransmit rival ship signal stop sublet
  submit total transfer transmit travel unplug unravel unzip worship zip`.split(/\s+/),
);

/** Verbs in -ic that take a k before -ed (panic → panicked). */
export const IC_VERBS = new Set(['frolic', 'mimic', 'panic', 'picnic', 'traffic']);

/** Verbs a prefix rule would get wrong (relay is not re + lay). */
export const REGULAR_OVERRIDES: ReadonlyMap<string, string> = new Map([['relay', 'relayed']]);

/** Prefixes that keep the verb's inflection (resend → resent, resubmit → resubmitted). */
export const INFLECTION_PREFIXES = ['under', 'over', 'with', 'fore', 'mis', 'pre', 're', 'un', 'up'];

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

export const VERBS = new Set([...VERB_LIST.split(/\s+/).filter((w) => w.length > 0), ...DOUBLING, ...IC_VERBS]);

/**
 * Known verbs that are at least as often nouns (`GeocodeAddress`, `PaymentRequest`,
 * `PlaceHold`): as the last word of a command they do not make it a noun-first name, as the
 * first word of an event they make it read as a command only when nothing else fits, and a
 * prefix on them does not make a verb (`Precondition`).
 */
export const NOUN_LIKE_VERBS = new Set(
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
export const VERB_MODIFIERS = new Set(
  `auto bulk batch bi co cross de dis double e force mass multi non over post pre re self sub
  super un under up down back`.split(/\s+/),
);

/** Words after which the rest of a name is a complement (SubmitApplicationForReview). */
export const CUT_WORDS = new Set(
  `about after and at before by during for from if in into of on or over than to until upon via
  when where while with within without`.split(/\s+/),
);

/** Particles of phrasal verbs: an event may end in one after its participle (UserLoggedIn). */
export const PARTICLES = new Set(['away', 'back', 'down', 'in', 'off', 'on', 'out', 'over', 'through', 'up']);

/** Words ending in -ed or -eed that are not participles: base verbs and nouns. */
export const NOT_PARTICIPLES = new Set(
  `bed bleed breed creed deed embed exceed feed greed heed hundred imbed indeed kindred need
  proceed red reed sacred seabed seed shed shred sled speed steed succeed tweed weed`.split(/\s+/),
);

/** Words ending in -ing that are not gerunds. */
export const NOT_GERUNDS = new Set(
  `building ceiling clothing darling during evening herring king morning nothing offspring pudding
  ring sibling something anything everything spring sting string swing thing wing`.split(/\s+/),
);

/** Noun suffixes; a known verb with one (mention, document) is a verb first. */
export const NOUN_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ship|[^e]al)$/;

/** Nouns that look like nominalised verbs but name a thing (an application is a document). */
export const NOT_ACTION_NOUNS = new Set(
  `application appointment association attachment commission conference corporation documentation
  equation equipment federation foundation function information institution location nation
  operation organisation organization payment population position preference question relation
  requirement section shipment situation solution statement station`.split(/\s+/),
);

export const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
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
export const SINGULAR_IN_S = new Set(
  `alias always arrears atlas bias biceps canvas chaos christmas clothes cosmos corps diabetes dos
  earnings ethos gas goods headquarters herpes kudos lens means measles mumps news overseas
  pancreas pathos perhaps plus premises proceeds rabies savings series species surroundings thanks
  thermos whereabouts yes`.split(/\s+/),
);

/** Nouns in -ie (movie), whose plural is -ies but not from -y. */
export const IE_NOUNS = new Set(
  `auntie brownie calorie cookie die freebie genie goalie hoodie lie movie newbie pie prairie
  rookie selfie smoothie sortie tie zombie`.split(/\s+/),
);

/** Nouns in -us whose plural is -uses (statuses, bonuses). */
export const US_NOUNS = new Set(
  `abacus apparatus bonus bus cactus campus caucus census chorus circus consensus corpus exodus
  focus fungus genus hiatus impetus lotus minus nexus octopus omnibus onus plus prospectus radius
  rebus sinus status stimulus surplus syllabus terminus thesaurus virus walrus`.split(/\s+/),
);

/** Nouns in -o whose plural is -oes. */
export const OES_NOUNS = new Set(['echo', 'embargo', 'hero', 'mosquito', 'potato', 'tomato', 'torpedo', 'veto', 'volcano']);

/** Nouns in -che (cache), whose plural -ches is not -ch + es. */
export const CHE_NOUNS = new Set(['ache', 'avalanche', 'cache', 'cliche', 'creche', 'headache', 'moustache', 'mustache', 'niche', 'psyche', 'quiche']);

/**
 * Last words of an event name that report a step that did not do what it was asked (MSA309):
 * `PaymentDeclined`, `PermitRefused`, `NotificationFailed`, `PaymentTimedOut`. Words that as
 * often report a step done on purpose (Cancelled, Revoked, Withdrawn: the outcome of a cancel
 * command) are listed too; the rule skips an outcome whose word is its own command's verb.
 */
export const FAILURE_WORDS = new Set([
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
