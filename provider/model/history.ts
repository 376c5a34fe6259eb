/**
 * The one place that decides "the cloud no longer has this task". Clouds keep task history for a limited window
 * (`HISTORY_DAYS`); a recorded batch older than that can never be observed again. Nothing else counts as proof: an
 * empty or partial answer for a younger batch means "not visible yet" or a transient fault, and waiting goes on.
 * (An explicit refusal of the vendor, e.g. ESA/Alibaba `InvalidTime` for a time window, is reported by the adapters as
 * `historyUnavailable` and also counts.)
 */
import type { CloudKind } from "./cloud";
import { HISTORY_DAYS } from "./limits";

const DAY_MS = 86_400_000;

/** True when the ISO time lies more than the cloud's history window before `nowMs` (an unparsable time is recent). */
export function agedOut(cloud: CloudKind, iso: string, nowMs: number): boolean {
  const t = Date.parse(iso);
  return Number.isFinite(t) && nowMs - t > HISTORY_DAYS[cloud] * DAY_MS;
}
