/**
 * Secrets: the provider helpers that mark outputs secret and redact messages (provider/resources/secrets.ts), and the
 * SDK's `secretInputs` input (sdk/base.ts) that tells the provider which inputs were secret in the program.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import {
  SECRET_SIG, SPECIAL_SIG_KEY, URL_OUTPUTS, createRedactor, isSecretValue, markSecretOutputs, secretValue, unwrapSecretValues,
} from "../../provider/resources/secrets";
import { secretInputNames } from "../../sdk/base";

const ROOT = path.resolve(__dirname, "..", "..");
const env = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });

/**
 * Outputs as provider/resources/state.ts builds them, for a list with a domain-relative URL (submitted as
 * `cdn.example.com/p/b.css`): URLs named by index, only the failed URL in `results`.
 */
function outputs(): Record<string, unknown> {
  return {
    urls: ["https://cdn.example.com/p/a.js", "/p/b.css"], domain: "cdn.example.com", headers: { "X-Token": "tok-123" },
    cloud: "alibaba-cdn", status: "failed", progress: 100, urlCount: 2, succeededCount: 1, failedCount: 1, pendingCount: 0,
    taskIds: ["t1"], batches: [{ taskIds: ["t1"], urlIndexes: "0-1", submittedAt: "2026-01-01T00:00:00Z" }],
    uncertainBatches: [], unsubmittedIndexes: "", failedUrls: ["/p/b.css"],
    results: [{ index: 1, url: "/p/b.css", status: "failed", progress: 100, reason: "origin 404", taskId: "t1" }],
    submittedAt: "2026-01-01T00:00:00Z", finishedAt: null, verifiedAt: null, historyAvailable: true, adopted: false, mediaSegments: null,
    progressLabel: "warm", __provider: "exports.handler = () => p",
  };
}

/** The same outputs in the layout of earlier versions: every list spelled out, submitted forms included. */
function legacyOutputs(): Record<string, unknown> {
  const { unsubmittedIndexes: _, ...rest } = outputs();
  return {
    ...rest, unsubmittedUrls: [],
    batches: [{ taskIds: ["t1"], urls: ["https://cdn.example.com/p/a.js", "cdn.example.com/p/b.css"], submittedAt: "2026-01-01T00:00:00Z" }],
    results: [
      { url: "https://cdn.example.com/p/a.js", status: "succeeded", progress: 100, reason: null, taskId: "t1" },
      { url: "/p/b.css", status: "failed", progress: 100, reason: "origin 404", taskId: "t1" },
    ],
  };
}

describe("secrets: markSecretOutputs", () => {
  it("wraps every output that carries a URL when urls is secret, and nothing else", () => {
    const outs = outputs();
    const marked = markSecretOutputs(outs, ["urls"]);
    for (const k of URL_OUTPUTS.filter((x) => x in outs)) assert.deepEqual(marked[k], env(outs[k]), k);
    for (const k of ["cloud", "status", "progress", "taskIds", "headers", "progressLabel", "__provider", "submittedAt", "batches", "unsubmittedIndexes"]) {
      assert.deepEqual(marked[k], outs[k], k);
    }
  });

  it("in the layout of earlier versions, also wraps the lists that spell URLs out (batches, unsubmittedUrls)", () => {
    const outs = legacyOutputs();
    const marked = markSecretOutputs(outs, ["urls"]);
    for (const k of [...URL_OUTPUTS.filter((x) => x in outs), "batches"]) assert.deepEqual(marked[k], env(outs[k]), k);
    for (const k of ["cloud", "status", "taskIds", "submittedAt"]) assert.deepEqual(marked[k], outs[k], k);
  });

  it("wraps an unlisted output that holds a URL in the form it was submitted in (derived from urls and domain)", () => {
    const outs = { ...outputs(), urls: ["https://cdn.example.com/p/中.js", "/p/b.css"], note: "queued: https://cdn.example.com/p/%E4%B8%AD.js" };
    assert.ok(isSecretValue(markSecretOutputs(outs, ["urls"]).note));
  });

  it("wraps an unlisted output that holds one of the URLs (a future output cannot leak)", () => {
    const outs = { ...outputs(), lastError: "https://cdn.example.com/p/b.css refused" };
    assert.ok(isSecretValue(markSecretOutputs(outs, ["urls"]).lastError));
  });

  it("wraps only the echoed headers when headers is secret", () => {
    const outs = outputs();
    const marked = markSecretOutputs(outs, ["headers"]);
    assert.deepEqual(marked.headers, env(outs.headers));
    for (const k of URL_OUTPUTS) assert.deepEqual(marked[k], outs[k], k);
  });

  it("changes nothing without secret inputs, never wraps twice, and does not touch its argument", () => {
    const outs = outputs();
    const copy = JSON.parse(JSON.stringify(outs));
    assert.deepEqual(markSecretOutputs(outs, []), outs);
    const twice = markSecretOutputs(markSecretOutputs(outs, ["urls", "headers"]), ["urls", "headers"]);
    assert.deepEqual(twice.results, env(outs.results));
    assert.deepEqual(twice.headers, env(outs.headers));
    assert.deepEqual(outs, copy);
  });
});

describe("secrets: unwrapSecretValues and secretValue", () => {
  it("removes envelopes at any depth", () => {
    const v = { a: env([env("x"), "y"]), b: { c: env({ d: env(1) }) }, e: null, f: 2 };
    assert.deepEqual(unwrapSecretValues(v), { a: ["x", "y"], b: { c: { d: 1 } }, e: null, f: 2 });
  });

  it("a wrapped value round-trips; an envelope is not wrapped again", () => {
    assert.deepEqual(unwrapSecretValues(secretValue(["u"])), ["u"]);
    assert.deepEqual(secretValue(env("u")), env("u"));
    assert.equal(isSecretValue({ value: "u" }), false);
  });
});

describe("secrets: createRedactor", () => {
  const declared = ["https://cdn.example.com/p/a.js", "/p/b.css", "https://cdn.example.com/p/a.js?v=2"];
  const submitted = ["https://cdn.example.com/p/a.js", "https://cdn.example.com/p/b.css", "https://cdn.example.com/p/a.js?v=2"];

  it("replaces declared and submitted forms with their index, longest first", () => {
    const redact = createRedactor(["urls"], declared, submitted);
    assert.equal(redact("failed: https://cdn.example.com/p/a.js?v=2 and https://cdn.example.com/p/a.js"), "failed: urls[2] and urls[0]");
    assert.equal(redact("  /p/b.css: failed (origin 404)"), "  urls[1]: failed (origin 404)");
    assert.equal(redact("task for https://cdn.example.com/p/b.css"), "task for urls[1]");
  });

  it("catches the spellings a cloud echoes: another scheme, no scheme, host case, percent-encoding", () => {
    const redact = createRedactor(["urls"], ["https://cdn.example.com/p/ä b.js"], ["https://cdn.example.com/p/ä b.js"]);
    assert.equal(redact("x http://cdn.example.com/p/ä b.js y"), "x urls[0] y");
    assert.equal(redact("x CDN.EXAMPLE.COM/p/ä b.js y"), "x urls[0] y");
    assert.equal(redact("x https://cdn.example.com/p/%C3%A4%20b.js y"), "x urls[0] y");
  });

  it("keeps every other character in place, also around characters whose lower case is longer", () => {
    const redact = createRedactor(["urls"], ["https://cdn.example.com/İ/a.js"], ["https://cdn.example.com/İ/a.js"]);
    assert.equal(redact("İİ before https://CDN.example.com/İ/a.js after İ"), "İİ before urls[0] after İ");
  });

  it("replaces header values with *** when headers is secret", () => {
    const redact = createRedactor(["headers"], declared, submitted, ["tok-123"]);
    assert.equal(redact("header X-Token: tok-123 refused for https://cdn.example.com/p/a.js"),
      "header X-Token: *** refused for https://cdn.example.com/p/a.js");
  });

  it("works for the largest list a resource may declare (10,000 URLs)", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `https://cdn.example.com/p/${i}.js`);
    const redact = createRedactor(["urls"], many, many);
    assert.equal(redact("a https://cdn.example.com/p/9999.js b https://cdn.example.com/p/7.js"), "a urls[9999] b urls[7]");
  });

  it("returns the text unchanged when nothing is secret", () => {
    const redact = createRedactor([], declared, submitted, ["tok-123"]);
    const text = "https://cdn.example.com/p/a.js tok-123";
    assert.equal(redact(text), text);
  });
});

describe("secrets: the SDK's secretInputs", () => {
  it("names the inputs that are secret, whole or in an element; undefined when none is", async () => {
    assert.equal(await secretInputNames({ urls: ["https://a.example.com/x"] }), undefined);
    assert.deepEqual(await secretInputNames({ urls: pulumi.secret(["https://a.example.com/x"]) }), ["urls"]);
    assert.deepEqual(await secretInputNames({ urls: [pulumi.secret("https://a.example.com/x"), "https://a.example.com/y"] }), ["urls"]);
    assert.deepEqual(await secretInputNames({ urls: ["u"], headers: { A: pulumi.secret("b") } }), ["headers"]);
    assert.deepEqual(await secretInputNames({ urls: pulumi.secret(["u"]), headers: pulumi.secret({ A: "b" }) }), ["urls", "headers"]);
  });

  it("is sent as the secretInputs input by every resource class (under setMocks, in a child process)", () => {
    const script = `
      const pulumi = require("@pulumi/pulumi");
      const seen = {};
      pulumi.runtime.setMocks({
        newResource: (a) => { seen[a.name] = a.inputs.secretInputs ?? null; return { id: a.name, state: a.inputs }; },
        call: (a) => a.inputs,
      }, "p", "s", false).then(async () => {
        const sdk = require("./sdk");
        new sdk.EdgeOnePrefetch("plain", { zoneId: "zone-a1", urls: ["https://a.example.com/x"] });
        new sdk.AlibabaCdnPrefetch("secret", { urls: pulumi.secret(["https://a.example.com/x"]) });
        new sdk.AlibabaEsaPrefetch("headers", { siteId: 1, urls: ["https://a.example.com/x"], headers: pulumi.secret({ A: "b" }) });
        await new Promise((r) => setTimeout(r, 1500));
        process.stdout.write(JSON.stringify(seen));
      });`;
    const out = execFileSync(process.execPath, ["-r", "ts-node/register", "-e", script], {
      cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" }, encoding: "utf8",
    });
    assert.deepEqual(JSON.parse(out), { plain: null, secret: ["urls"], headers: ["headers"] });
  });
});
