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

  /**
   * A heading that stands over tables in several sections (`## Request API` › `### Response codes`,
   * `## Confirm API` › `### Response codes`) does not tell them apart: each such table's section
   * becomes its parent heading and its own, `Request API › Response codes`.
   */
  qualifySections(): void {
    const parents = new Map<string, Set<number>>();
    const nearest = (trail: readonly number[]) => this.headings[trail[trail.length - 1] as number];
    for (const [grid, trail] of this.placed) {
      const h = nearest(trail);
      if (h === undefined || grid.section !== h.text) continue;
      const set = parents.get(h.text) ?? new Set<number>();
      set.add(h.parent);
      parents.set(h.text, set);
    }
    for (const [grid, trail] of this.placed) {
      const h = nearest(trail);
      if (h === undefined || grid.section !== h.text || (parents.get(h.text)?.size ?? 0) < 2) continue;
      const parent = this.headings[h.parent];
      if (parent !== undefined) grid.section = `${parent.text} › ${h.text}`;
    }
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
