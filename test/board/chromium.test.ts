/**
 * gov24's board in a real browser: Debian's chromium, headless, driven by playwright-core
 * (no browser download). Every sticky is drawn, no two stickies overlap, every label stays
 * inside its sticky, the page fetches nothing, and a saga is highlighted by --saga and on hover.
 *
 * The browser is required, not optional: without it this test fails and says how to install it
 * (`.ci/run` installs Debian's `chromium`). CHROMIUM_PATH points at another binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoard } from '../../src/board/index.js';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../support/io.js';
import { gov24, root } from './support.js';

// These run inside the page (the project's TypeScript has no DOM library).
declare const document: { querySelectorAll(selector: string): Iterable<unknown> };
declare function getComputedStyle(element: unknown): { opacity: string; stroke: string };

const executable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const scratch = mkdtempSync(join(tmpdir(), 'msa-gen-board-chromium-'));
const board = buildBoard(gov24());
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(executable)) {
    throw new Error(
      `no chromium at ${executable}: the board's browser test needs Debian's chromium (apt-get install chromium; .ci/run installs it), or CHROMIUM_PATH set to a Chromium binary`,
    );
  }
  // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start. The page is our own local file.
  browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function drawn(args: string[], name: string): Promise<{ page: Page; requests: string[] }> {
  const io = memoryIO(root);
  const file = join(scratch, name);
  expect(await run(['board', 'models/gov24.yaml', '-o', file, ...args], io), io.err()).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests };
}

interface Drawn {
  id: string;
  kind: string;
  name: string;
  classes: string;
  opacity: number;
  box: { x: number; y: number; width: number; height: number };
  textOutside: boolean;
}

/** Every sticky as the browser lays it out: its note's bounding box, and whether a label runs past it. */
const stickiesOf = (page: Page) =>
  page.$$eval('svg.board g.sticky', (groups) =>
    groups.map((g) => {
      const note = g.querySelector('rect.note')!.getBoundingClientRect();
      const textOutside = [...g.querySelectorAll('text')].some((t) => {
        const r = t.getBoundingClientRect();
        return r.left < note.left - 0.5 || r.right > note.right + 0.5 || r.top < note.top - 0.5 || r.bottom > note.bottom + 0.5;
      });
      return {
        id: g.getAttribute('data-id')!,
        kind: g.getAttribute('data-kind')!,
        name: g.getAttribute('data-name')!,
        classes: g.getAttribute('class')!,
        opacity: Number(getComputedStyle(g).opacity),
        box: { x: note.x, y: note.y, width: note.width, height: note.height },
        textOutside,
      } satisfies Drawn;
    }),
  );

const overlap = (a: Drawn['box'], b: Drawn['box']) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('gov24 board in headless chromium', { timeout: 180_000 }, () => {
  it('draws every sticky, none on another, every label inside its sticky, and fetches nothing', async () => {
    const { page, requests } = await drawn([], 'board.html');
    const stickies = await stickiesOf(page);
    expect(stickies.map((s) => `${s.kind} ${s.name}`).sort()).toEqual(board.stickies.map((s) => `${s.kind} ${s.name}`).sort());
    for (const s of stickies) {
      expect(s.box.width, s.name).toBeGreaterThan(0);
      expect(s.box.height, s.name).toBeGreaterThan(0);
      expect(s.textOutside, `label of ${s.kind} ${s.name} runs past its sticky`).toBe(false);
      expect(s.opacity).toBe(1);
    }
    const overlapping: string[] = [];
    for (let i = 0; i < stickies.length; i++) {
      for (let j = i + 1; j < stickies.length; j++) if (overlap(stickies[i]!.box, stickies[j]!.box)) overlapping.push(`${stickies[i]!.name} / ${stickies[j]!.name}`);
    }
    expect(overlapping).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:/);
    await page.close();
  });

  it('--saga highlights exactly the saga’s stickies and fades the rest', async () => {
    const { page } = await drawn(['--saga', 'GeneralComplaintProcessing'], 'saga.html');
    const saga = board.sagas.find((s) => s.name === 'GeneralComplaintProcessing')!.index;
    const members = board.stickies.filter((s) => s.sagas.includes(saga)).map((s) => s.name).sort();
    const stickies = await stickiesOf(page);
    expect(stickies.filter((s) => s.opacity === 1).map((s) => s.name).sort()).toEqual(members);
    expect(stickies.filter((s) => s.opacity < 1).every((s) => s.opacity < 0.3)).toBe(true);
    const stroke = await page.$eval('svg.board g.sticky.hl rect.note', (r) => getComputedStyle(r).stroke);
    expect(stroke).toBe('rgb(245, 159, 0)');
    await page.close();
  });

  it('hovering a saga in the legend highlights it, and leaving it restores the board', async () => {
    const { page } = await drawn([], 'hover.html');
    const saga = board.sagas.find((s) => s.name === 'BuildingPermitProcessing')!.index;
    const members = board.stickies.filter((s) => s.sagas.includes(saga)).map((s) => s.name).sort();
    await page.hover(`svg.board .legend .chip.s-${saga}`);
    // Wait for the fade (a CSS transition) to finish: some sticky faded, none half-way.
    await page.waitForFunction(() => {
      const opacities = [...document.querySelectorAll('svg.board g.sticky')].map((g) => Number(getComputedStyle(g).opacity));
      return opacities.some((o) => o < 0.2) && opacities.every((o) => o === 1 || o <= 0.151);
    });
    const hovered = await stickiesOf(page);
    expect(hovered.filter((s) => s.opacity === 1).map((s) => s.name).sort()).toEqual(members);
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => [...document.querySelectorAll('svg.board g.sticky')].every((g) => Number(getComputedStyle(g).opacity) === 1));
    expect((await stickiesOf(page)).map((s) => s.opacity)).toEqual(board.stickies.map(() => 1));
    await page.close();
  });
});
