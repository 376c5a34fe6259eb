/**
 * CDN `DescribePreloadDetailById` (seed 000): per-URL detail of ONE task, allow-listed by the vendor. Refused with
 * `Forbidden` (403) unless `config.alibaba.preloadDetailAllowed` is true, as for an account not on the list.
 *
 * Rendering choices (the page documents the fields, not every value): one `UrlDetails` item per domain of the task;
 * `Status` is `Refreshing` while any URL runs (the API has no `Pending`), else `Failed` if any URL failed, else
 * `Complete`; `RetCode` is "0" unless the task failed ("1"); `EndTime` is "" while running; `Urls[].Url` is the path
 * (with query) only; a failed URL's `Description` is its failure reason (a one-item `|`-separated list).
 */
import type { ActionDef } from "./action";
import { AlibabaError } from "./errors";
import { parseTaskIds } from "./refresh-queries";
import type { TaskView } from "./tasks";
import { isoSeconds } from "./time";

/** Description of a URL prefetched on every node (seed 000). */
const SUCCESS_DESCRIPTION = "Successfully preloaded";

function pathOf(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = rest.search(/[/?#]/);
  const path = slash < 0 ? "/" : rest.slice(slash);
  return path.startsWith("/") ? path : `/${path}`;
}

function urlItem(v: TaskView): Record<string, string> {
  const p = v.progress;
  const description = p.status === "Complete" ? SUCCESS_DESCRIPTION : p.description;
  return { Url: pathOf(v.task.url), Success: `${p.percent}%`, Description: description };
}

function detailItem(taskId: string, domain: string, views: TaskView[]): Record<string, unknown> {
  const running = views.some((v) => v.progress.finishedAt === null);
  const failed = views.some((v) => v.progress.status === "Failed");
  const status = running ? "Refreshing" : failed ? "Failed" : "Complete";
  const process = Math.floor(views.reduce((s, v) => s + (v.progress.finishedAt === null ? v.progress.percent : 100), 0) / views.length);
  const created = Math.min(...views.map((v) => v.task.createdAt));
  const ended = running ? "" : isoSeconds(Math.max(...views.map((v) => v.progress.finishedAt as number)));
  return {
    TaskId: taskId, Domain: domain, CreationTime: isoSeconds(created), EndTime: ended, Status: status,
    Process: `${process}%`, RetCode: status === "Failed" ? "1" : "0", Urls: views.map(urlItem),
  };
}

/** The CDN DescribePreloadDetailById action. */
export function preloadDetailAction(): ActionDef {
  return {
    kind: "query",
    run(call) {
      if (call.ctx.config.alibaba?.preloadDetailAllowed !== true) {
        throw new AlibabaError("Forbidden", "This operation is available only to users in the whitelist. Contact your business manager to apply.");
      }
      const [id] = parseTaskIds(call.params.required("TaskId"), 1);
      const views = call.state.tasks.visible("cdn", call.now, call.ctx.config).filter((v) => v.task.taskId === id).sort((a, b) => a.task.seq - b.task.seq);
      const domains = [...new Set(views.map((v) => v.task.domain))];
      const details = domains.map((d) => detailItem(id, d, views.filter((v) => v.task.domain === d)));
      return { body: { TotalCount: details.length, UrlDetails: details } };
    },
  };
}
