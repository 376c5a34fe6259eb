/**
 * The fault matrix, generated: cloud × action (quota read, submit, query) × fault × phase (create, resumed update,
 * refresh, triggers re-run, destroy). Each resource's third URL has an upper-case host and a non-ASCII path, so the
 * cloud's echo forms (emulator variants `*.urlEcho`) are exercised. Only combinations where the phase makes that call are generated (a refresh
 * never submits; destroy calls nothing, so it gets one cell per cloud with every fault queued).
 *
 * The quota is read only for a job longer than one request, once per host process (resources/lifecycle.ts
 * `preflight`, adapters/quota-memory.ts): a quota cell declares {@link QUOTA_CELL_URLS} URLs, and its faulted `up`
 * runs in a new host process, as a real later `pulumi up` does (run-cell.ts).
 */
import type { Fault, Product } from "../../emulator";
import type { CloudKind } from "../../provider/model/cloud";

/** Which call a fault targets. */
export type Action = "quota" | "submit" | "query";

/** Which step of a resource's life the fault hits. */
export type Phase = "create" | "resumed update" | "refresh" | "triggers re-run" | "destroy";

/** One cloud under test: its product, resource inputs and the vendor actions per call. */
export interface CloudUnderTest {
  cloud: CloudKind;
  product: Product;
  type: string;
  base: Record<string, unknown>;
  urls: (tag: string) => string[];
  actions: Record<Action, string[]>;
  /** Refusal codes (vendor, HTTP status when Alibaba) by meaning. */
  codes: { busy: string | null; permission: string; quota: string };
}

/** A named fault against one call. */
export interface FaultCase {
  name: string;
  /** The faults to queue (product and action are filled in per cell). */
  faults: Omit<Fault, "product" | "action">[];
  /** Only for these actions. */
  actions: Action[];
}

/** One cell of the matrix. */
export interface Cell {
  id: string;
  cloud: CloudUnderTest;
  action: Action | null;
  fault: FaultCase | null;
  phase: Phase;
}

export const CLOUDS: CloudUnderTest[] = [
  {
    cloud: "edgeone", product: "teo", type: "EdgeOnePrefetch", base: { zoneId: "zone-matrix1" },
    urls: (t) => [`https://www.example.com/${t}/a.js`, `https://www.example.com/${t}/b.css`, `https://WWW.Example.com/${t}/bild-ä.png`],
    actions: { quota: ["DescribeContentQuota"], submit: ["CreatePrefetchTask"], query: ["DescribePrefetchTasks"] },
    codes: { busy: "InvalidParameter.DomainNotFound", permission: "UnauthorizedOperation.NoPermission", quota: "LimitExceeded.DailyQuota" },
  },
  {
    cloud: "alibaba-cdn", product: "cdn", type: "AlibabaCdnPrefetch", base: { domain: "cdn.example.com" },
    urls: (t) => [`https://cdn.example.com/${t}/a.js`, `https://cdn.example.com/${t}/b.css`, `https://CDN.Example.com/${t}/bild-ä.png`],
    actions: { quota: ["DescribeRefreshQuota"], submit: ["PushObjectCache"], query: ["DescribeRefreshTaskById", "DescribeRefreshTasks"] },
    codes: { busy: "ServiceBusy", permission: "Forbidden.RAM", quota: "QuotaExceeded.Preload" },
  },
  {
    cloud: "alibaba-dcdn", product: "dcdn", type: "AlibabaDcdnPrefetch", base: { domain: "dcdn.example.com" },
    urls: (t) => [`https://dcdn.example.com/${t}/a.js`, `https://dcdn.example.com/${t}/b.css`, `https://DCDN.Example.com/${t}/bild-ä.png`],
    actions: { quota: ["DescribeDcdnRefreshQuota"], submit: ["PreloadDcdnObjectCaches"], query: ["DescribeDcdnRefreshTaskById", "DescribeDcdnRefreshTasks"] },
    codes: { busy: "InvalidDomain.Offline", permission: "Forbidden.RAM", quota: "QuotaExceeded.Preload" },
  },
  {
    cloud: "alibaba-esa", product: "esa", type: "AlibabaEsaPrefetch", base: { siteId: 7101, siteName: "example.com", instanceId: "sp-xcdn-matrix" },
    urls: (t) => [`https://img.example.com/${t}/a.png`, `https://img.example.com/${t}/b.png`, `https://IMG.Example.com/${t}/bild-ä.png`],
    actions: { quota: ["ListInstanceQuotas", "ListInstanceQuotasWithUsage"], submit: ["PreloadCaches"], query: ["DescribePreloadTasks"] },
    codes: { busy: "Site.ServiceBusy", permission: "Forbidden.RAM", quota: "QuotaExceeded.Preload" },
  },
];

/** URLs of a quota cell: one more than a request carries (provider/model/limits.ts `URLS_PER_REQUEST`, 100 everywhere). */
export const QUOTA_CELL_URLS = 101;

/** The URLs a cell declares: the cloud's three, and for a quota cell plain ones up to {@link QUOTA_CELL_URLS}. */
export function cellUrls(cell: Cell, tag: string): string[] {
  const three = cell.cloud.urls(tag);
  if (cell.action !== "quota") return three;
  const base = three[0].replace(/\/[^/]*$/, "");
  return [...three, ...Array.from({ length: QUOTA_CELL_URLS - three.length }, (_, i) => `${base}/filler-${i}.js`)];
}

/** The faults, with the calls they apply to. Refusal codes are filled in per cloud. */
export function faultCases(c: CloudUnderTest): FaultCase[] {
  const all: Action[] = ["quota", "submit", "query"];
  const cases: FaultCase[] = [
    { name: "throttled twice", faults: [{ kind: "throttle", count: 2 }], actions: all },
    { name: "internal error", faults: [{ kind: "internal", count: 1 }], actions: all },
    { name: "answer lost after the cloud processed it", faults: [{ kind: "drop-after-accept", count: 1 }], actions: all },
    { name: "connection reset before processing", faults: [{ kind: "reset", count: 1 }], actions: all },
    { name: "down 700 ms (request reset, then refused)", faults: [{ kind: "down", durationMs: 700 }], actions: all },
    { name: "down 700 ms after an answer (next connect refused)", faults: [{ kind: "down", begin: "after", durationMs: 700 }], actions: all },
    { name: "malformed answer", faults: [{ kind: "malformed", count: 1 }], actions: all },
    { name: "three empty answers", faults: [{ kind: "empty", count: 3 }], actions: ["query"] },
    { name: "permission refused", faults: [{ kind: "error", code: c.codes.permission, httpStatus: 403, count: 200 }], actions: all },
    { name: "daily quota refused", faults: [{ kind: "error", code: c.codes.quota, httpStatus: 400, count: 1 }], actions: ["submit"] },
  ];
  if (c.codes.busy) cases.push({ name: `${c.codes.busy} (being configured) twice`, faults: [{ kind: "error", code: c.codes.busy, count: 2 }], actions: ["submit"] });
  return cases;
}

/** Which calls a phase makes after its setup (where the fault is injected). */
const PHASE_ACTIONS: Record<Phase, Action[]> = {
  create: ["quota", "submit", "query"],
  "resumed update": ["query"],
  refresh: ["query"],
  "triggers re-run": ["quota", "submit", "query"],
  destroy: [],
};

/** Every cell of the matrix, in a stable order. */
export function generateCells(): Cell[] {
  const cells: Cell[] = [];
  for (const cloud of CLOUDS) {
    for (const phase of Object.keys(PHASE_ACTIONS) as Phase[]) {
      if (phase === "destroy") {
        cells.push({ id: `${cloud.cloud} · destroy · every fault queued`, cloud, action: null, fault: null, phase });
        continue;
      }
      for (const action of PHASE_ACTIONS[phase]) {
        for (const fault of faultCases(cloud).filter((f) => f.actions.includes(action))) {
          cells.push({ id: `${cloud.cloud} · ${phase} · ${action} · ${fault.name}`, cloud, action, fault, phase });
        }
      }
    }
  }
  return cells;
}
