/**
 * The input table (provider/resources/inputs.ts) is the one list of inputs: the schemas, the diff's key lists, the
 * valid names of `check` and the SDK's argument interfaces must all agree with it.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLOUD_KINDS, type CloudKind } from "../../provider/model/cloud";
import {
  ENGINE_KEYS, INPUT_KEYS, INPUTS, inputNames, inputsSchema, isRequired, REPLACE_KEYS, UPDATE_KEYS, urlScopeKey, userInputNames,
} from "../../provider/resources/inputs";
import { RESOURCE_CLASS } from "../../provider/resources/key-check";
import { diffInputs } from "../../provider/resources/diff";

const ROOT = path.resolve(__dirname, "..", "..");

/** A member of an SDK interface: optional or not, and marked `@internal` (set by the SDK, not by users). */
interface Member { optional: boolean; internal: boolean }

/** The members of each `export interface` in a TypeScript file. */
function interfaces(file: string): Map<string, { parent: string | null; members: Map<string, Member> }> {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const out = new Map<string, { parent: string | null; members: Map<string, Member> }>();
  for (const m of text.matchAll(/^export interface (\w+)(?: extends (\w+))? \{\n([\s\S]*?)^\}/gm)) {
    const members = new Map<string, Member>();
    for (const member of m[3].matchAll(/(\/\*\*(?:[^*]|\*(?!\/))*\*\/\s*)?^ {2}(\w+)(\?)?:/gm)) {
      members.set(member[2], { optional: member[3] === "?", internal: /@internal\b/.test(member[1] ?? "") });
    }
    out.set(m[1], { parent: m[2] ?? null, members });
  }
  return out;
}

/** The SDK args interface of each cloud (sdk/resources.ts passes these to the constructors). */
const ARGS: Readonly<Record<CloudKind, string>> = {
  edgeone: "EdgeOnePrefetchArgs",
  "alibaba-cdn": "AlibabaCdnPrefetchArgs",
  "alibaba-dcdn": "AlibabaCdnPrefetchArgs",
  "alibaba-esa": "AlibabaEsaPrefetchArgs",
};

/** Every member of an interface, its parents' included. */
function allMembers(all: ReturnType<typeof interfaces>, name: string): Map<string, Member> {
  const own = all.get(name);
  assert.ok(own, `sdk/args.ts declares ${name}`);
  return new Map([...(own.parent ? allMembers(all, own.parent) : new Map<string, Member>()), ...own.members]);
}

describe("input table: one list of inputs", () => {
  const args = interfaces("sdk/args.ts");

  it("reads the interfaces of sdk/args.ts (sanity check of the scanner)", () => {
    assert.deepEqual(args.get("PrefetchArgs")?.members.get("urls"), { optional: false, internal: false });
    assert.equal(args.get("PrefetchArgs")?.members.get("wait")?.optional, true);
    assert.equal(args.get("EdgeOnePrefetchArgs")?.parent, "PrefetchArgs");
  });

  for (const cloud of CLOUD_KINDS) {
    it(`sdk/args.ts declares exactly the ${cloud} inputs of the table, optional where the schema is`, () => {
      const members = allMembers(args, ARGS[cloud]);
      const declared = [...members].filter(([, m]) => !m.internal).map(([name]) => name);
      assert.deepEqual(declared.sort(), [...userInputNames(cloud)].sort());
      for (const name of userInputNames(cloud)) assert.equal(members.get(name)?.optional, !isRequired(name), `${name} optional`);
      const internal = [...members].filter(([, m]) => m.internal).map(([name]) => name);
      const tableInternal = inputNames(cloud).filter((n) => !(userInputNames(cloud) as string[]).includes(n));
      for (const name of internal) assert.ok((tableInternal as string[]).includes(name), `@internal ${name} is an internal input of the table`);
    });
  }

  it("the SDK resource classes are the ones messages name", () => {
    const text = fs.readFileSync(path.join(ROOT, "sdk/resources.ts"), "utf8");
    for (const cloud of CLOUD_KINDS) {
      assert.match(text, new RegExp(`class ${RESOURCE_CLASS[cloud]} extends PrefetchResource[\\s\\S]*?super\\("${cloud}", "${RESOURCE_CLASS[cloud]}"`), cloud);
      assert.match(text, new RegExp(`class ${RESOURCE_CLASS[cloud]} [\\s\\S]*?args: ${ARGS[cloud]}`), cloud);
    }
  });

  it("each cloud's schema has exactly the cloud's table inputs, required ones required", () => {
    for (const cloud of CLOUD_KINDS) {
      const schema = inputsSchema(cloud) as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> };
      assert.deepEqual(Object.keys(schema.shape).sort(), [...inputNames(cloud)].sort(), cloud);
      for (const name of inputNames(cloud)) assert.equal(schema.shape[name].safeParse(undefined).success, !isRequired(name), `${cloud} ${name}`);
    }
  });

  it("every input is either a replace or an update key, never both; INPUT_KEYS is all of them plus __provider", () => {
    assert.deepEqual(REPLACE_KEYS.filter((k) => UPDATE_KEYS.includes(k)), []);
    assert.deepEqual([...INPUT_KEYS].sort(), [...Object.keys(INPUTS), ...ENGINE_KEYS].sort());
    for (const [name, def] of Object.entries(INPUTS)) {
      assert.ok((def.onChange === "replace" ? REPLACE_KEYS : UPDATE_KEYS).includes(name), name);
    }
    assert.ok(UPDATE_KEYS.includes("__provider"));
  });

  it("secretInputs is an internal update key every cloud accepts (never a user-declared argument)", () => {
    assert.ok(UPDATE_KEYS.includes("secretInputs"));
    for (const cloud of CLOUD_KINDS) {
      assert.ok((inputNames(cloud) as string[]).includes("secretInputs"));
      assert.ok(!(userInputNames(cloud) as string[]).includes("secretInputs"));
    }
    const olds = { zoneId: "zone-a", urls: ["https://a.example.com/x"], secretInputs: [] };
    assert.deepEqual(diffInputs(olds, { ...olds, secretInputs: ["urls"] }), { changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("the URL scope of each cloud is its own field only", () => {
    assert.deepEqual(CLOUD_KINDS.map(urlScopeKey), ["zoneName", "domain", "domain", "siteName"]);
  });

  it("CDN and DCDN take the same inputs (one args interface, one schema)", () => {
    assert.deepEqual(inputNames("alibaba-cdn"), inputNames("alibaba-dcdn"));
  });
});
