/** The board's layout (ELK) and its SVG and HTML: complete, deterministic, and safe with hostile model text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBoard, renderBoard } from '../../src/board/index.js';
import { elkGraph, layoutBoard, type BoardLayout, type Box } from '../../src/board/layout.js';
import { stickyLabel, wrap } from '../../src/board/labels.js';
import { renderSvg } from '../../src/board/svg.js';
import { elk, gov24, root, validModel } from './support.js';

const minimalText = readFileSync(join(root, 'test', 'fixtures', 'minimal', 'model.yaml'), 'utf8');

/** The minimal model with hostile titles (the text rule lets markup characters through; it refuses control and bidi characters). */
const HOSTILE = `<script>alert("x")</script> ]]> '&amp;' <!-- -->`;
const hostileText = minimalText
  .replace('title: Permit Office', `title: '${HOSTILE.replace(/'/g, "''")}'`)
  .replace('title: Permit issuance', `title: "</svg><img src=x onerror=alert(1)>"`)
  .replace('  - name: LandRegistry\n', `  - name: LandRegistry\n    title: "</title><script>x()</script>"\n`);

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** Opening and closing tags of the SVG, as a stack: throws on any tag closed out of order. */
function checkTags(markup: string): number {
  const stack: string[] = [];
  let count = 0;
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      stack.push(name!);
      count++;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
  return count;
}

describe('board layout', { timeout: 120_000 }, () => {
  it('places every sticky inside its lane, every lane inside its namespace, and no two stickies on each other', async () => {
    const board = buildBoard(gov24());
    const layout: BoardLayout = await layoutBoard(board, elk());
    expect(layout.stickies).toHaveLength(board.stickies.length);
    const group = new Map(layout.groups.map((g) => [g.id, g]));
    for (const s of layout.stickies) {
      expect(s.width).toBe(stickyLabel(s.sticky.kind, s.sticky.name).width);
      expect(inside(s, group.get(s.sticky.lane ?? 'externals')!)).toBe(true);
    }
    for (const ns of board.namespaces) for (const lane of ns.lanes) expect(inside(group.get(lane.id)!, group.get(ns.id)!)).toBe(true);
    for (let i = 0; i < layout.stickies.length; i++) {
      for (let j = i + 1; j < layout.stickies.length; j++) expect(overlap(layout.stickies[i]!, layout.stickies[j]!), `${layout.stickies[i]!.sticky.name} / ${layout.stickies[j]!.sticky.name}`).toBe(false);
    }
    for (const a of layout.arrows) expect(a.paths.length, a.arrow.id).toBeGreaterThan(0);
  });

  it('routes failure flows and compensations back against time, and starts them at their source', async () => {
    const board = buildBoard(gov24());
    const graph = elkGraph(board);
    const compensation = board.arrows.find((a) => a.kind === 'compensates')!;
    const edge = graph.edges!.find((e) => e.id === compensation.id)!;
    expect([edge.sources, edge.targets]).toEqual([[compensation.to], [compensation.from]]);
    const layout = await layoutBoard(board, elk());
    const placed = layout.arrows.find((a) => a.arrow.id === compensation.id)!;
    const from = layout.stickies.find((s) => s.sticky.id === compensation.from)!;
    const start = placed.paths[0]![0]!;
    // The path starts on the border of the step's command.
    expect(start.x >= from.x - 1 && start.x <= from.x + from.width + 1 && start.y >= from.y - 1 && start.y <= from.y + from.height + 1).toBe(true);
  });

  it('wraps long names at word humps and never past the sticky', () => {
    expect(wrap('IssueCarRegistrationCertificate', 18)).toEqual(['IssueCar', 'Registration', 'Certificate']);
    expect(wrap('Tax officer of the city', 18)).toEqual(['Tax officer of the', 'city']);
    expect(wrap('x'.repeat(40), 18)).toEqual(['x'.repeat(18), 'x'.repeat(18), 'x'.repeat(4)]);
    const label = stickyLabel('command', 'A'.repeat(200));
    expect(label.lines).toHaveLength(4);
    expect(label.lines[3]).toMatch(/…$/);
  });
});

describe('board documents', { timeout: 120_000 }, () => {
  it('are the same bytes for the same model', async () => {
    const model = gov24();
    const first = await renderBoard(model, { format: 'html' }, elk());
    const second = await renderBoard(gov24(), { format: 'html' }, elk());
    expect(second).toBe(first);
    expect(await renderBoard(model, { format: 'svg', saga: 'GeneralComplaintProcessing' }, elk())).toBe(
      await renderBoard(gov24(), { format: 'svg', saga: 'GeneralComplaintProcessing' }, elk()),
    );
  });

  it('hold every sticky once, with its kind and name', async () => {
    const model = gov24();
    const svg = await renderBoard(model, { format: 'svg' }, elk());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    checkTags(svg);
    for (const e of model.events) expect(svg).toContain(`data-kind="event" data-name="${e.name}"`);
    for (const c of model.commands) expect(svg).toContain(`data-kind="command" data-name="${c.name}"`);
    expect(svg.match(/class="sticky /g)).toHaveLength(buildBoard(model).stickies.length);
    expect(svg).toContain('class="sticky event failure s-0"');
    expect(svg).toContain('class="sticky command compensation s-0"');
  });

  it('an HTML page is self-contained: inline SVG and CSS, no script, no URL to fetch, a CSP that forbids fetching', async () => {
    const html = await renderBoard(gov24(), { format: 'html' }, elk());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\((?!#)|href=|src=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    checkTags(html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6));
  });

  it('--saga marks the saga’s stickies and arrows, and nothing else', async () => {
    const model = gov24();
    const svg = await renderBoard(model, { format: 'svg', saga: 'BuildingPermitProcessing' }, elk());
    expect(svg).toContain('class="board focus"');
    const marked = [...svg.matchAll(/class="sticky [^"]*\bhl\b[^"]*"[^>]*data-name="([^"]+)"/g)].map((m) => m[1]);
    expect(marked.sort()).toEqual(
      ['SubmitBuildingApplication', 'CancelBuildingApplication', 'IssueBuildingPermit', 'BuildingApplicationSubmitted', 'BuildingApplicationCancelled', 'BuildingPermitIssued', 'BuildingPermitRefused', 'IssuePermitWhenApplicationSubmitted', 'CancelApplicationWhenPermitRefused'].sort(),
    );
    await expect(renderBoard(model, { format: 'svg', saga: 'Nope' }, elk())).rejects.toThrow('no saga "Nope"');
  });

  it('escape hostile titles in the SVG and the HTML page', async () => {
    const model = validModel(hostileText);
    const html = await renderBoard(model, { format: 'html' }, elk());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('</svg><img');
    expect(html).not.toContain(']]>');
    expect(html).not.toContain('<!-- -->');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &#39;&amp;amp;&#39;');
    expect(html).toContain('&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;');
    checkTags(html.slice(html.indexOf('<body>'), html.indexOf('</body>') + 7));
  });

  it('escape hostile names, bidi and control characters included', async () => {
    const board = buildBoard(validModel(minimalText));
    const layout = await layoutBoard(board, elk());
    const evil = ['<script>alert(1)</script>', 'a"b\'c&d', ']]>', 'abc\u202Eevil\u2066x\u2069', 'nul\u0000bell\u0007', 'lone\uD800'];
    const hostile: BoardLayout = {
      ...layout,
      stickies: layout.stickies.map((s, i) => ({ ...s, sticky: { ...s.sticky, name: evil[i % evil.length]!, tooltip: evil[(i + 1) % evil.length] }, lines: [evil[i % evil.length]!] })),
      groups: layout.groups.map((g) => (g.lane ? { ...g, lane: { ...g.lane, name: '<b>lane</b>', title: '"]]>' } } : g)),
    };
    const svg = renderSvg(hostile, { title: '</title><script>', sagas: [{ index: 0, name: '<i>saga</i>', coordination: 'choreography', description: '\u202Eevil' }] });
    checkTags(svg);
    expect(svg).not.toMatch(/<script|<b>|<i>|\]\]>/);
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u);
    expect(svg).toContain('abc\\u202eevil\\u2066x\\u2069');
    expect(svg).toContain('nul\\x00bell\\x07');
    expect(svg).toContain('lone\\ud800');
    expect(svg).toContain('data-name="a&quot;b&#39;c&amp;d"');
  });
});
