/**
 * A profile of Tencent's CLI (tccli): `<dir>/<profile>.credential`, a JSON object with `secretId`, `secretKey` and an
 * optional `token`, in `~/.tccli` unless `tencentcloud:sharedCredentialsDir` says otherwise; profile `default` unless
 * `tencentcloud:profile` says otherwise (tencentcloudstack/pulumi-tencentcloud `docs/_index.md`, "Shared credentials";
 * the file format: TencentCloud/tencentcloud-sdk-go-intl-en `tencentcloud/common/tccli_profile_provider.go`).
 * The Node SDK has no reader for it (its `ProfileCredential` reads `~/.tencentcloud/credentials` only), so it is read
 * here, when the connection is resolved, and its keys are used as static keys.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CredentialsError } from "../adapters/credentials/errors";
import type { TencentPlan } from "../adapters/credentials/source";
import { homeDir } from "./values";

/** The profile used when none is named. */
export const DEFAULT_TCCLI_PROFILE = "default";

/** The tccli credential file of a profile. */
export function tccliFile(dir: string | null, profile: string | null, env: NodeJS.ProcessEnv): string {
  return path.join(dir ?? path.join(homeDir(env), ".tccli"), `${profile ?? DEFAULT_TCCLI_PROFILE}.credential`);
}

/** The static keys of a tccli profile file. */
export function tccliProfilePlan(file: string, profile: string): TencentPlan {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CredentialsError(`cannot read the tccli profile ${profile} (${file}): ${(e as NodeJS.ErrnoException).code ?? "unreadable"}`);
  }
  let c: { secretId?: unknown; secretKey?: unknown; token?: unknown };
  try {
    c = JSON.parse(text) as typeof c;
  } catch {
    throw new CredentialsError(`the tccli profile ${profile} (${file}) is not a JSON object`);
  }
  const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  const keyId = str(c.secretId);
  const secret = str(c.secretKey);
  if (!keyId || !secret) throw new CredentialsError(`the tccli profile ${profile} (${file}) has no "secretId" and "secretKey"`);
  return { kind: "static", origin: `the tccli profile ${profile} (${file})`, keyId, secret, token: str(c.token) };
}
