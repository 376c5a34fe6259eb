/**
 * Alibaba Cloud ESA, API version 2024-09-10 (cloud-apis.md §A.3): PreloadCaches, DescribePreloadTasks (seed 001),
 * ListInstanceQuotas and ListInstanceQuotasWithUsage (quota name `preload`).
 *
 * `CreateTime` is rendered `yyyy-MM-dd HH:mm:ss` in UTC+8 (see time.ts). ESA has no `Pending`: a queued URL is
 * reported `Refreshing` at "0%".
 */
import type { ActionDef, Call, ProductDef } from "./action";
import { dailyQuota } from "./accept";
import { AlibabaError } from "./errors";
import { preloadCachesAction, siteIdOf } from "./esa-submit";
import { inWindow, paginate, timeWindow } from "./listing";
import { esaSiteHosts } from "./restrictions";
import type { TaskView } from "./tasks";
import { esaCreateTime, utc8Day } from "./time";

/** Largest PageSize of DescribePreloadTasks (seed 001: "Valid values: 1 to 50"). */
const MAX_PAGE_SIZE = 50;
const STATUSES = ["Complete", "Refreshing", "Failed"];
/** Plan id reported when the caller sends none (format of the SDK example `sp-xcdn-96wblslz****`). */
const DEFAULT_INSTANCE_ID = "sp-xcdn-emulator";

function taskItem(v: TaskView): Record<string, string> {
  const status = v.progress.status === "Pending" ? "Refreshing" : v.progress.status;
  return {
    TaskId: v.task.taskId, Content: v.task.url, Status: status, Process: `${v.progress.percent}%`,
    CreateTime: esaCreateTime(v.task.createdAt), Description: v.progress.description,
  };
}

const describePreloadTasks: ActionDef = {
  kind: "query",
  run(call) {
    const siteId = siteIdOf(call, false);
    if (siteId !== undefined) esaSiteHosts(call.ctx.config, siteId);
    const content = call.params.str("Content");
    const status = call.params.str("Status");
    if (status !== undefined && !STATUSES.includes(status)) throw new AlibabaError("InvalidParameters", `The specified Status is invalid: ${status}.`);
    const window = timeWindow(call);
    const items = call.state.tasks
      .visible("esa", call.now, call.ctx.config)
      .filter((v) => (siteId === undefined || v.task.siteId === siteId) && (content === undefined || v.task.url === content))
      .filter((v) => inWindow(v.task.createdAt, window))
      .map(taskItem)
      .filter((t) => status === undefined || t.Status === status);
    const page = paginate(call, items, MAX_PAGE_SIZE);
    return { body: { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: page.total, Tasks: page.items } };
  },
};

/** Today's (UTC+8) submitted URLs per site, from the stored tasks. */
function siteUsage(call: Call): Map<string, number> {
  const today = utc8Day(call.now);
  const usage = new Map<string, number>();
  const config = { ...call.ctx.config, visibilityLagMs: 0 };
  for (const v of call.state.tasks.visible("esa", call.now, config)) {
    if (utc8Day(v.task.createdAt) === today && v.task.siteId) usage.set(v.task.siteId, (usage.get(v.task.siteId) ?? 0) + 1);
  }
  return usage;
}

function instanceQuotas(withUsage: boolean): ActionDef {
  return {
    kind: "quota",
    run(call) {
      const names = call.params.required("QuotaNames").split(",").map((s) => s.trim());
      const siteId = siteIdOf(call, false);
      if (siteId !== undefined) esaSiteHosts(call.ctx.config, siteId);
      const quotas = names.filter((n) => n === "preload").map((n) => {
        const quota: Record<string, unknown> = { QuotaName: n, QuotaValue: String(dailyQuota(call, "esa")), QuotaValueType: "num" };
        if (!withUsage) return quota;
        const sites = [...siteUsage(call)].map(([id, used]) => ({ SiteId: Number(id), SiteName: esaSiteName(call, id), SiteUsage: String(used) }));
        return { ...quota, Usage: String(call.state.quota.usedOn("esa", call.now)), SiteUsage: sites };
      });
      return { body: { InstanceId: call.params.str("InstanceId") ?? DEFAULT_INSTANCE_ID, Status: "online", Quotas: quotas } };
    },
  };
}

function esaSiteName(call: Call, siteId: string): string {
  const site = call.ctx.config.restrict?.esaSites?.find((s) => String(s.siteId) === siteId);
  return site?.hostnames[0] ?? `site-${siteId}`;
}

/** The ESA product definition. */
export function esaProduct(): ProductDef {
  return {
    product: "esa",
    code: "ESA",
    version: "2024-09-10",
    hostId: "esa.cn-hangzhou.aliyuncs.com",
    actions: {
      PreloadCaches: preloadCachesAction(),
      DescribePreloadTasks: describePreloadTasks,
      ListInstanceQuotas: instanceQuotas(false),
      ListInstanceQuotasWithUsage: instanceQuotas(true),
    },
  };
}
