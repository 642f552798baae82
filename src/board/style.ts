/**
 * The board's look: the event-storming colours, arrow styles, and the CSS that highlights a
 * saga (on hover over its name in the legend, with `:has()`, so the standalone SVG needs no
 * script either; or fixed by `--saga`).
 */
import type { ArrowKind, StickyKind } from './graph.js';

export const STICKY_COLOURS: Record<StickyKind, { fill: string; caption: string }> = {
  event: { fill: '#ffa94d', caption: 'Domain event' },
  command: { fill: '#74c0fc', caption: 'Command' },
  policy: { fill: '#d0b3f0', caption: 'Policy' },
  aggregate: { fill: '#ffe066', caption: 'Aggregate' },
  readModel: { fill: '#8ce99a', caption: 'Read model' },
  external: { fill: '#faa2c1', caption: 'External system' },
  actor: { fill: '#fff3bf', caption: 'Actor' },
};

export const ARROW_STYLES: Record<ArrowKind, { colour: string; dash?: string; width: number; label: string }> = {
  issues: { colour: '#868e96', width: 1.2, label: 'actor issues command' },
  handles: { colour: '#adb5bd', width: 1, dash: '2 3', label: 'command handled by aggregate' },
  emits: { colour: '#343a40', width: 1.5, label: 'command emits event' },
  triggers: { colour: '#7048e8', width: 1.5, label: 'event triggers policy' },
  then: { colour: '#7048e8', width: 1.5, label: 'policy issues command' },
  projects: { colour: '#2f9e44', width: 1.2, label: 'event projected into read model' },
  calls: { colour: '#1971c2', width: 1.5, dash: '7 4', label: 'synchronous call (REST)' },
  uses: { colour: '#c2255c', width: 1.2, dash: '7 4', label: 'context calls external system' },
  step: { colour: '#e67700', width: 1.5, dash: '1 4', label: 'saga: next step' },
  compensates: { colour: '#e03131', width: 1.5, dash: '6 3', label: 'saga: compensation' },
};

export const FAILURE_COLOUR = '#e03131';
export const HIGHLIGHT_COLOUR = '#f59f00';

/** Every colour an arrow can take, for one marker each. */
export function arrowColours(): string[] {
  return [...new Set([...Object.values(ARROW_STYLES).map((s) => s.colour), FAILURE_COLOUR, HIGHLIGHT_COLOUR])].sort();
}

export const markerId = (colour: string) => `head-${colour.slice(1)}`;

/** The stylesheet inside the SVG. */
export function boardCss(sagaCount: number): string {
  const rules = [
    'text{font-family:"DejaVu Sans",Verdana,sans-serif;fill:#212529}',
    '.name{font-size:12px;font-weight:600}',
    '.caption{font-size:9px;letter-spacing:.04em;fill:#495057;text-transform:uppercase}',
    '.group-title{font-size:13px;font-weight:700}',
    '.group-sub{font-size:11px;fill:#495057}',
    '.ns-title{font-size:15px;font-weight:700;fill:#343a40}',
    '.note{stroke:#00000033;stroke-width:1}',
    '.sticky.failure .note{stroke:' + FAILURE_COLOUR + ';stroke-width:3}',
    '.sticky.compensation .note{stroke:' + FAILURE_COLOUR + ';stroke-width:2.5;stroke-dasharray:6 3}',
    '.arrow path{fill:none}',
    '.sticky,.arrow{transition:opacity .15s}',
    '.legend .chip{cursor:pointer}',
    '.legend .chip:hover rect{stroke:' + HIGHLIGHT_COLOUR + ';stroke-width:2}',
    // A highlighted saga: everything else fades, its stickies get a thick outline.
    '.board.focus .sticky,.board.focus .arrow{opacity:.15}',
    '.board.focus .sticky.hl,.board.focus .arrow.hl{opacity:1}',
    '.board.focus .sticky.hl .note{stroke:' + HIGHLIGHT_COLOUR + ';stroke-width:4}',
  ];
  for (let i = 0; i < sagaCount; i++) {
    const on = `.board:has(.chip.s-${i}:hover)`;
    rules.push(`${on} .sticky:not(.s-${i}),${on} .arrow:not(.s-${i}){opacity:.15}`);
    rules.push(`${on} .sticky.s-${i} .note{stroke:${HIGHLIGHT_COLOUR};stroke-width:4}`);
  }
  return rules.join('\n');
}
