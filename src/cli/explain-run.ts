import type { Decision, NormalizeInput } from '../core/types.js';
import { renderDecision } from './format/card.js';
import { colorEnabled, colors } from './format/color.js';
import { parseLang, print, printJson } from './format/options.js';
import { terminalWidth } from './format/text.js';
import { requireFlow } from './usage.js';

export interface ExplainArgs {
  provider: string;
  code: string;
  flow?: string;
  lang?: string;
  message?: string;
  network?: string;
  networkCode?: string;
  adviceCode?: string;
  json?: boolean;
  /** false for --no-color; undefined leaves it to NO_COLOR and the terminal. */
  color?: boolean;
}

/**
 * Who answers an explain: the library's `normalize` with its provider check, or the same core over
 * one provider's data (the start-up fast path, `explain-one.ts`).
 */
export interface Explainer {
  /** The provider's id, or a usage error. */
  provider(name: string): string;
  normalize(input: NormalizeInput): Decision;
}

/** `paycodes explain`, shared by the commander command and the start-up fast path. */
export function runExplain(args: ExplainArgs, explainer: Explainer): void {
  const provider = explainer.provider(args.provider);
  const flow = requireFlow(args.flow);
  const lang = parseLang(args.lang);
  const input: NormalizeInput = { provider, code: args.code, lang };
  if (flow) input.flow = flow;
  if (args.message !== undefined) input.message = args.message;
  if (args.network !== undefined) input.network = args.network as NonNullable<typeof input.network>;
  if (args.networkCode !== undefined) input.networkCode = args.networkCode;
  if (args.adviceCode !== undefined) input.adviceCode = args.adviceCode;
  const decision = explainer.normalize(input);
  if (args.json) printJson(decision);
  else print(renderDecision(decision, colors(colorEnabled(process.stdout, args.color)), terminalWidth()));
}
