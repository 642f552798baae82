/**
 * The fast road of renderTemplate for templates of text and `{{name}}` only (render.ts)
 * against handlebars itself, compiled as render.ts compiles it: for any template made of plain
 * text, mustaches of every kind and the characters around them, and any data, the fast road
 * either declines or writes what handlebars writes.
 */
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { interpolate, interpolation, renderTemplate } from '../../src/generators/render.js';

const handlebars = Handlebars.create();
const helpers = new Set(Object.keys(handlebars.helpers));

const PIECES = [
  'FROM ', 'text', ' ', '\n', '# ', '{', '}', '{{', '}}', '\\', '\\\\', '$', '"', "'",
  '{{a}}', '{{b}}', '{{port}}', '{{a_b}}', '{{ a }}', '{{~a}}', '{{a~}}', '{{{a}}}', '{{&a}}', '{{a.b}}', '{{this}}', '{{true}}',
  '{{null}}', '{{else}}', '{{log}}', '{{lookup}}', '{{constructor}}', '{{!a}}', '{{!-- a --}}', '{{#if a}}x{{/if}}', '{{> a}}', '{{@index}}',
];
const template = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
const valueOf = fc.oneof(fc.string(), fc.constantFrom('', '{{a}}', '\\', 'a\nb'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const data = fc.dictionary(fc.constantFrom('a', 'b', 'port', 'a_b', 'constructor', 'log', 'this'), valueOf, { maxKeys: 6 });

describe('template interpolation', () => {
  it('writes what handlebars writes, or leaves the template to handlebars', () => {
    let fast = 0;
    fc.assert(
      fc.property(template, data, (source, values) => {
        const split = interpolation(source, helpers);
        const text = split === undefined ? undefined : interpolate(split, values);
        if (text === undefined) return;
        fast++;
        expect(handlebars.compile(source, { noEscape: true, strict: true })(values)).toBe(text);
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(500);
  });

  it('renders the real templates through handlebars when they are more than text and names', () => {
    const templates = new Map([
      ['plain.hbs', 'FROM {{image}}\nEXPOSE {{port}}\n'],
      ['block.hbs', '{{#each items}}- {{this}}\n{{/each}}'],
    ]);
    expect(renderTemplate(templates, 'plain.hbs', { image: 'node:22' as never, port: 8080 })).toBe('FROM node:22\nEXPOSE 8080\n');
    expect(renderTemplate(templates, 'block.hbs', { items: ['a', 'b'] as never })).toBe('- a\n- b\n');
    // A missing value is an error, as handlebars' strict mode makes it.
    expect(() => renderTemplate(templates, 'plain.hbs', { image: 'node:22' as never })).toThrow(/port/);
  });
});
