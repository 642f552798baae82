/** Counters for /metrics (Prometheus text format) and for tests to read. */
export type Labels = Readonly<Record<string, string>>;

const keyOf = (name: string, labels: Labels) =>
  `${name}{${Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',')}}`;

/** One gauge in the Prometheus text format: its HELP and TYPE lines, then one sample per label set. */
export function renderGauge(name: string, help: string, samples: ReadonlyArray<{ readonly labels: Labels; readonly value: number }>): string {
  if (samples.length === 0) return '';
  const lines = samples.map((s) => `${keyOf(name, s.labels)} ${s.value}`);
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${lines.join('\n')}\n`;
}

export class Metrics {
  private readonly counters = new Map<string, { name: string; labels: Labels; value: number }>();
  private readonly help = new Map<string, string>();

  describe(name: string, help: string): void {
    this.help.set(name, help);
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const key = keyOf(name, labels);
    const c = this.counters.get(key);
    if (c) c.value += by;
    else this.counters.set(key, { name, labels, value: by });
  }

  /** The sum of a counter over every label set that matches `labels`. */
  get(name: string, labels: Labels = {}): number {
    let sum = 0;
    for (const c of this.counters.values()) {
      if (c.name === name && Object.entries(labels).every(([k, v]) => c.labels[k] === v)) sum += c.value;
    }
    return sum;
  }

  render(): string {
    const byName = new Map<string, string[]>();
    for (const [key, c] of [...this.counters].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const lines = byName.get(c.name) ?? [];
      lines.push(`${key.replace('{}', '')} ${c.value}`);
      byName.set(c.name, lines);
    }
    let out = '';
    for (const [name, lines] of byName) {
      out += `# HELP ${name} ${this.help.get(name) ?? name}\n# TYPE ${name} counter\n${lines.join('\n')}\n`;
    }
    return out;
  }
}
