/**
 * Free text of a model (titles, descriptions, actors, enum values, image references): plain
 * prose most of the time, and hostile text that tries to leave its place in generated code or
 * config. Hostile text carries the canary CANARY after a line break or a comment/string end:
 * the oracles look for the canary at the start of a line, or as an identifier in TypeScript.
 */
import fc from 'fast-check';

/** The marker hostile text tries to smuggle into generated files. */
export const CANARY = 'INJECTED';

const PROSE = [
  'Permit Office',
  'Government24 Complaint Portal',
  'Application (general complaints)',
  'Issuance — building permits',
  'Résumé des démarches',
  '민원 신청',
  'Vehicle registration: issue & track',
  'Handles the "urgent" cases first',
  "Citizen's notifications",
  'Counts 100% of requests',
] as const;

/** Text that tries to break out of a comment, a string, a YAML scalar or a terminal line. */
export const HOSTILE_TEXT = [
  `x\n${CANARY}: true`,
  `x)\nRUN ${CANARY} \\\n# (`,
  `x\r\n${CANARY}: 1`,
  `x\r${CANARY}`,
  `x\u2028${CANARY}`,
  `x\u2029${CANARY}`,
  `x\u0085${CANARY}: 1`,
  `*/ ${CANARY} /*`,
  `*/\n${CANARY}\n/*`,
  `' + ${CANARY} + '`,
  `" + ${CANARY} + "`,
  `\` + ${CANARY} + \``,
  `\${${CANARY}}`,
  `</script>{{${CANARY}}}`,
  `\n::warning::${CANARY}`,
  `\u001b[31m${CANARY}\u0007\u001b]0;title\u0007`,
  `\u009b31m${CANARY}`,
  `x\n---\n${CANARY}: [1]`,
  `&a x`,
  `*a`,
  `!!js/function "() => ${CANARY}"`,
  `# ${CANARY}`,
  `- ${CANARY}`,
  `key: ${CANARY}`,
  `\\`,
  `'`,
  `"`,
  ` leading and trailing `,
  `\t`,
  `\u0000${CANARY}`,
  `\u202e${CANARY}`,
  `\ufeff${CANARY}`,
  `$(touch ${CANARY})`,
  `; touch ${CANARY}`,
] as const;

export const prose = (): fc.Arbitrary<string> => fc.constantFrom(...PROSE);

/** Any string of code points, control characters and line separators included. */
export const anyText = (maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'binary-ascii', maxLength }), fc.string({ unit: 'grapheme', maxLength }));

export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: anyText() },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROSE), fc.constantFrom(...HOSTILE_TEXT)).map(([a, b]) => `${a}${b}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'Long title '.repeat(Math.ceil(n / 11)).slice(0, n)) },
  );

/** Free text: mostly prose, sometimes hostile. */
export const freeText = (hostileWeight = 1): fc.Arbitrary<string> =>
  fc.oneof({ weight: 6, arbitrary: prose() }, { weight: hostileWeight, arbitrary: hostileText() });
