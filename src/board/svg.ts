/**
 * The laid-out board as one SVG document: lanes, stickies, arrows and a legend (sticky kinds,
 * arrow kinds, and the sagas, each highlighted on hover). Every model string goes through
 * `text()`: unsafe characters made visible, then XML-escaped, so a name or title can never
 * open an element, close a CDATA section or reorder the text around it.
 */
import type { ArrowKind, BoardSaga, StickyKind } from './graph.js';
import type { BoardLayout, PlacedArrow, PlacedGroup, PlacedSticky } from './layout.js';
import { GLYPH_WIDTH } from './labels.js';
import { ARROW_STYLES, FAILURE_COLOUR, HIGHLIGHT_COLOUR, STICKY_COLOURS, arrowColours, boardCss, markerId } from './style.js';
import { attr, text } from './escape.js';

export interface SvgOptions {
  readonly title: string;
  readonly sagas: readonly BoardSaga[];
  /** Index of the saga to highlight (`--saga`). */
  readonly highlight?: number | undefined;
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** The text clipped to what fits `width` pixels at `glyph` pixels a character. */
function fit(value: string, width: number, glyph = GLYPH_WIDTH): string {
  const max = Math.max(1, Math.floor(width / glyph));
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

const sagaClasses = (sagas: readonly number[], highlight: number | undefined) =>
  sagas.map((s) => ` s-${s}`).join('') + (highlight !== undefined && sagas.includes(highlight) ? ' hl' : '');

function group(g: PlacedGroup): string {
  const at = `x="${n(g.x)}" y="${n(g.y)}" width="${n(g.width)}" height="${n(g.height)}"`;
  if (g.kind === 'namespace') {
    return (
      `<g class="namespace" data-id="${g.id}"><rect ${at} rx="10" fill="#f8f9fa" stroke="#868e96" stroke-dasharray="8 4"/>` +
      `<text class="ns-title" x="${n(g.x + 14)}" y="${n(g.y + 24)}">${text(fit(`namespace ${g.namespace!.name}`, g.width - 28, 11))}</text></g>`
    );
  }
  if (g.kind === 'externals') {
    return (
      `<g class="externals" data-id="${g.id}"><rect ${at} rx="8" fill="#fff0f6" stroke="#c2255c" stroke-dasharray="4 3"/>` +
      `<text class="group-title" x="${n(g.x + 12)}" y="${n(g.y + 24)}">External systems</text></g>`
    );
  }
  const lane = g.lane!;
  const sub = `${lane.title}${lane.communication === 'sync' ? ' · sync (REST)' : ''}`;
  return (
    `<g class="lane" data-id="${g.id}" data-name="${attr(lane.name)}"><rect ${at} rx="8" fill="#ffffff" stroke="#495057"/>` +
    `<text class="group-title" x="${n(g.x + 12)}" y="${n(g.y + 18)}">${text(fit(lane.name, g.width - 24, 9.5))}</text>` +
    `<text class="group-sub" x="${n(g.x + 12)}" y="${n(g.y + 32)}">${text(fit(sub, g.width - 24, 7.5))}</text></g>`
  );
}

function captionOf(s: PlacedSticky): string {
  if (s.sticky.failure) return 'Failure event';
  if (s.sticky.compensation) return 'Compensation';
  return STICKY_COLOURS[s.sticky.kind].caption;
}

function sticky(s: PlacedSticky, highlight: number | undefined): string {
  const { sticky: st } = s;
  const cls = `sticky ${st.kind}${st.failure ? ' failure' : ''}${st.compensation ? ' compensation' : ''}${sagaClasses(st.sagas, highlight)}`;
  const tip = `${captionOf(s)}: ${st.name}${st.tooltip ? `\n${st.tooltip}` : ''}`;
  const lines = s.lines
    .map((line, i) => `<text class="name" x="${n(s.x + 8)}" y="${n(s.y + 38 + i * 15)}">${text(line)}</text>`)
    .join('');
  return (
    `<g class="${cls}" data-id="${st.id}" data-kind="${st.kind}" data-name="${attr(st.name)}"><title>${text(tip)}</title>` +
    `<rect class="note" x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" rx="${st.kind === 'actor' ? 14 : 2}" fill="${STICKY_COLOURS[st.kind].fill}"/>` +
    `<text class="caption" x="${n(s.x + 8)}" y="${n(s.y + 15)}">${captionOf(s)}</text>${lines}</g>`
  );
}

function arrow(a: PlacedArrow, highlight: number | undefined): string {
  const style = ARROW_STYLES[a.arrow.kind];
  const colour = a.arrow.failure ? FAILURE_COLOUR : style.colour;
  const dash = a.arrow.failure && !style.dash ? '5 3' : style.dash;
  const paths = a.paths.map((points, i) => {
    const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(' ');
    const head = i === a.paths.length - 1 ? ` marker-end="url(#${markerId(colour)})"` : '';
    return `<path d="${d}" stroke="${colour}" stroke-width="${style.width}"${dash ? ` stroke-dasharray="${dash}"` : ''}${head}/>`;
  });
  const cls = `arrow ${a.arrow.kind}${a.arrow.failure ? ' failure' : ''}${sagaClasses(a.arrow.sagas, highlight)}`;
  return `<g class="${cls}" data-id="${a.arrow.id}" data-from="${a.arrow.from}" data-to="${a.arrow.to}">${paths.join('')}</g>`;
}

function markers(): string {
  return arrowColours()
    .map(
      (c) =>
        `<marker id="${markerId(c)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${c}"/></marker>`,
    )
    .join('');
}

/** Widest average glyph of the 11px legend text (DejaVu Sans). */
const SMALL_GLYPH = 7.5;
const labelWidth = (label: string) => Math.ceil([...label].length * SMALL_GLYPH);

const LEGEND_STICKIES: StickyKind[] = ['actor', 'command', 'aggregate', 'event', 'policy', 'readModel', 'external'];
const LEGEND_ARROWS: ArrowKind[] = ['emits', 'triggers', 'projects', 'calls', 'uses', 'step', 'compensates'];

/** The legend below the board: its height, and its markup at `top`. */
function legend(top: number, width: number, sagas: readonly BoardSaga[], highlight: number | undefined): { height: number; svg: string } {
  const out: string[] = [`<g class="legend"><text class="group-title" x="24" y="${n(top + 16)}">Legend</text>`];
  let x = 24;
  let y = top + 28;
  for (const kind of LEGEND_STICKIES) {
    out.push(`<rect x="${x}" y="${y}" width="22" height="16" rx="2" fill="${STICKY_COLOURS[kind].fill}" stroke="#00000033"/>`);
    out.push(`<text class="group-sub" x="${x + 28}" y="${y + 12}">${STICKY_COLOURS[kind].caption}</text>`);
    x += 28 + labelWidth(STICKY_COLOURS[kind].caption) + 24;
  }
  out.push(`<rect x="${x}" y="${y}" width="22" height="16" rx="2" fill="${STICKY_COLOURS.event.fill}" stroke="${FAILURE_COLOUR}" stroke-width="3"/>`);
  out.push(`<text class="group-sub" x="${x + 28}" y="${y + 12}">Failure event</text>`);
  x += 28 + labelWidth('Failure event') + 24;
  out.push(`<rect x="${x}" y="${y}" width="22" height="16" rx="2" fill="${STICKY_COLOURS.command.fill}" stroke="${FAILURE_COLOUR}" stroke-width="2.5" stroke-dasharray="6 3"/>`);
  out.push(`<text class="group-sub" x="${x + 28}" y="${y + 12}">Compensation</text>`);
  x = 24;
  y += 30;
  for (const kind of LEGEND_ARROWS) {
    const s = ARROW_STYLES[kind];
    out.push(
      `<path d="M${x} ${y + 8} L${x + 30} ${y + 8}" stroke="${s.colour}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#${markerId(s.colour)})"/>`,
    );
    out.push(`<text class="group-sub" x="${x + 38}" y="${y + 12}">${s.label}</text>`);
    x += 38 + labelWidth(s.label) + 24;
  }
  out.push(`<path d="M${x} ${y + 8} L${x + 30} ${y + 8}" stroke="${FAILURE_COLOUR}" stroke-width="1.5" stroke-dasharray="5 3" marker-end="url(#${markerId(FAILURE_COLOUR)})"/>`);
  out.push(`<text class="group-sub" x="${x + 38}" y="${y + 12}">failure flow</text>`);
  y += 30;
  if (sagas.length > 0) {
    out.push(`<text class="group-sub" x="24" y="${y + 14}">Sagas (hover to highlight):</text>`);
    x = 190;
    for (const saga of sagas) {
      const label = fit(`${saga.name} (${saga.coordination})`, 420, SMALL_GLYPH);
      const w = Math.ceil(labelWidth(label) + 20);
      if (x + w > Math.max(width, 900) - 24) {
        x = 190;
        y += 26;
      }
      const on = highlight === saga.index;
      out.push(
        `<g class="chip s-${saga.index}${on ? ' hl' : ''}" data-saga="${attr(saga.name)}"><title>${text(saga.description ?? saga.name)}</title>` +
          `<rect x="${x}" y="${y}" width="${w}" height="20" rx="10" fill="${on ? '#fff3bf' : '#f1f3f5'}" stroke="${on ? HIGHLIGHT_COLOUR : '#adb5bd'}"/>` +
          `<text class="group-sub" x="${x + 10}" y="${y + 14}">${text(label)}</text></g>`,
      );
      x += w + 10;
    }
    y += 26;
  }
  out.push('</g>');
  return { height: y - top + 10, svg: out.join('') };
}

/** The board as a standalone SVG document (no XML declaration needed: UTF-8 is the default). */
export function renderSvg(layout: BoardLayout, options: SvgOptions): string {
  const { highlight } = options;
  const leg = legend(layout.height, layout.width, options.sagas, highlight);
  const width = Math.max(layout.width, 1240);
  const height = layout.height + leg.height;
  // Lanes inside namespaces: namespaces first, so lanes paint over them.
  const groups = [...layout.groups].sort((a, b) => (a.kind === 'namespace' ? 0 : 1) - (b.kind === 'namespace' ? 0 : 1));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="board${highlight !== undefined ? ' focus' : ''}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${attr(`Event-storming board: ${options.title}`)}">`,
    `<title>${text(`Event-storming board: ${options.title}`)}</title>`,
    `<style>\n${boardCss(options.sagas.length)}\n</style>`,
    `<defs>${markers()}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="groups">${groups.map(group).join('\n')}</g>`,
    `<g class="arrows">\n${layout.arrows.map((a) => arrow(a, highlight)).join('\n')}\n</g>`,
    `<g class="stickies">\n${layout.stickies.map((s) => sticky(s, highlight)).join('\n')}\n</g>`,
    leg.svg,
    '</svg>',
    '',
  ].join('\n');
}
