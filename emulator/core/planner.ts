/**
 * Outcome rules: which URLs fail, time out, get canceled or hit a non-2xx origin, and how long each takes.
 * First matching rule wins; `match` is a substring or `/regex/flags`.
 */
import type { Outcome, OutcomeRule, PlannedOutcome, TaskKind } from "./types";

const OUTCOMES: readonly Outcome[] = ["success", "failed", "timeout", "canceled", "invalid"];

/** Validates rules from the control plane; throws a RangeError naming the bad rule. */
export function validateRules(rules: unknown): OutcomeRule[] {
  if (!Array.isArray(rules)) throw new RangeError("rules must be an array");
  return rules.map((r, i) => {
    const rule = r as OutcomeRule;
    if (!rule || typeof rule.match !== "string") throw new RangeError(`rules[${i}].match must be a string`);
    if (!OUTCOMES.includes(rule.outcome)) throw new RangeError(`rules[${i}].outcome must be one of ${OUTCOMES.join(", ")}`);
    if (rule.durationMs !== undefined && !(rule.durationMs >= 0)) throw new RangeError(`rules[${i}].durationMs must be >= 0`);
    if (rule.task !== undefined && rule.task !== "prefetch" && rule.task !== "purge") throw new RangeError(`rules[${i}].task must be prefetch or purge`);
    toMatcher(rule.match);
    return rule;
  });
}

function toMatcher(match: string): (url: string) => boolean {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(match);
  if (!re) return (url) => url.includes(match);
  const compiled = new RegExp(re[1], re[2]);
  return (url) => compiled.test(url);
}

/**
 * Plans the fate of a `task` (default `prefetch`) for `url` by the rules that apply to its kind, defaulting to success
 * after `defaultDurationMs`. Purges follow the same rules and default duration as prefetches unless a rule names a kind.
 */
export function planOutcome(rules: readonly OutcomeRule[], url: string, defaultDurationMs: number, task: TaskKind = "prefetch"): PlannedOutcome {
  const rule = rules.find((r) => (r.task === undefined || r.task === task) && toMatcher(r.match)(url));
  return {
    outcome: rule?.outcome ?? "success",
    durationMs: rule?.durationMs ?? defaultDurationMs,
    failType: rule?.failType ?? null,
    message: rule?.message ?? null,
  };
}
