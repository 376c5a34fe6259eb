// The README's quick-start program (README "Quick start"), as a user's `index.ts`: the program the README's
// "Testing your program" example loads with `await import("../index")`.
import { EdgeOnePrefetch } from "pulumi-cdn-prefetch";

const warm = new EdgeOnePrefetch("site-assets", {
  zoneId: "zone-2noz78a8ev6k",                   // your EdgeOne zone id
  zoneName: "example.com",                       // URLs outside it are refused at preview time
  urls: ["https://www.example.com/", "https://www.example.com/app.js"],
  triggers: { release: process.env.GIT_SHA },    // a new release re-runs the prefetch
});

export const status = warm.status;               // "succeeded" | "partiallyFailed" | "failed" | "running"
export const failedUrls = warm.failedUrls;
export const taskIds = warm.taskIds;
