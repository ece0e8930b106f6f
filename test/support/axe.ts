/**
 * axe-core in a page of the browser tests. The source is evaluated through the DevTools protocol, which the
 * app's Content-Security-Policy (no inline scripts) does not apply to, so the page is checked as it ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
  /** axe's account of the first node: the colours and ratio of a contrast failure, say. */
  summary: string;
}

export interface AxeReport {
  /** Every violation, whatever its impact. */
  violations: AxeFinding[];
  /** Rules that passed and that could not be decided (for the record). */
  passes: number;
  incomplete: number;
}

/** Runs axe on the whole document with the WCAG 2.1 A and AA rules and axe's best practices. */
export async function runAxe(page: Page): Promise<AxeReport> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[]; passes: Result[]; incomplete: Result[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), summary: v.nodes[0]?.failureSummary ?? '' })),
      passes: result.passes.length,
      incomplete: result.incomplete.length,
    };
  });
}

/** The serious and critical violations, one line each, for an assertion that names them. */
export function seriousOrCritical(report: AxeReport): string[] {
  return report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(', ')})`);
}
