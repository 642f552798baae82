#!/usr/bin/env node
// npm run docs: writes docs/rules.md from the rule catalogue (after npm run build).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../dist/model/rules/index.js';
import { rulesMarkdown } from '../dist/model/rules/markdown.js';

writeFileSync(fileURLToPath(new URL('../docs/rules.md', import.meta.url)), rulesMarkdown(CATALOGUE));
