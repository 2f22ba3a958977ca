import { type SectionHeading, sectionFlows } from './flow.js';
import type { Grid } from './grid.js';

/**
 * The headings of a document as a tree of sections, and the tables under each: a heading sets the
 * flow of the tables under it until the next heading of the same or a higher level, so a table
 * under `## Refund` › `### Errors` is still a refund table.
 */
export class Outline {
  private readonly headings: SectionHeading[] = [];
  private readonly open: number[] = [];
  private trail: readonly number[] = [];
  private readonly placed = new Map<Grid, readonly number[]>();

  /** A heading closes the sections at its level or deeper and opens its own. */
  heading(text: string, level: number): void {
    const { headings, open } = this;
    while (open.length > 0 && (headings[open.at(-1) as number] as SectionHeading).level >= level) open.pop();
    headings.push({ text, level, parent: open.at(-1) ?? -1 });
    open.push(headings.length - 1);
    this.trail = [...open];
  }

  /** The open sections, outermost first (kept by a table that is built later). */
  where(): readonly number[] {
    return this.trail;
  }

  place(grid: Grid, trail = this.trail): void {
    if (trail.length > 0) this.placed.set(grid, trail);
  }

  /** Gives each placed table the flow of the nearest heading above it that names one. */
  setFlows(): void {
    const flows = sectionFlows(this.headings);
    for (const [grid, trail] of this.placed) {
      for (let k = trail.length - 1; k >= 0; k--) {
        const flow = flows[trail[k] as number];
        if (flow === undefined) continue;
        grid.sectionFlow = flow;
        break;
      }
    }
  }
}
