#!/usr/bin/env node
/**
 * `npm run emulator -- [--port 0] [--host 127.0.0.1] [--config file.json] [--rate-limits]`: starts the emulator and
 * prints, as the first stdout line, `{"url":…,"credentials":{"tencent":{…},"alibaba":{…}}}`; serves until
 * SIGINT/SIGTERM. `--rate-limits` enforces the vendors' documented per-account rates (`rateLimits.enabled`, README).
 * `--ca-file <path>` writes the certificate the port serves `https://` with (README "STS"), for `NODE_EXTRA_CA_CERTS`.
 * Fixed credentials: --tencent-secret-id/--tencent-secret-key/--alibaba-access-key-id/--alibaba-access-key-secret, or
 * the env variables EMULATOR_TENCENT_SECRET_ID, EMULATOR_TENCENT_SECRET_KEY, EMULATOR_ALIBABA_ACCESS_KEY_ID,
 * EMULATOR_ALIBABA_ACCESS_KEY_SECRET.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { randomCredentials, type EmulatorCredentials } from "./core/context";
import { startEmulator } from "./server";

/** The credential flags. */
type CredentialFlags = Partial<Record<"tencent-secret-id" | "tencent-secret-key" | "alibaba-access-key-id" | "alibaba-access-key-secret", string>>;

function credentials(v: CredentialFlags): EmulatorCredentials {
  const r = randomCredentials();
  const e = process.env;
  return {
    tencent: {
      secretId: v["tencent-secret-id"] ?? e.EMULATOR_TENCENT_SECRET_ID ?? r.tencent.secretId,
      secretKey: v["tencent-secret-key"] ?? e.EMULATOR_TENCENT_SECRET_KEY ?? r.tencent.secretKey,
    },
    alibaba: {
      accessKeyId: v["alibaba-access-key-id"] ?? e.EMULATOR_ALIBABA_ACCESS_KEY_ID ?? r.alibaba.accessKeyId,
      accessKeySecret: v["alibaba-access-key-secret"] ?? e.EMULATOR_ALIBABA_ACCESS_KEY_SECRET ?? r.alibaba.accessKeySecret,
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" }, host: { type: "string", default: "127.0.0.1" }, config: { type: "string" },
      "rate-limits": { type: "boolean", default: false }, "ca-file": { type: "string" },
      "tencent-secret-id": { type: "string" }, "tencent-secret-key": { type: "string" },
      "alibaba-access-key-id": { type: "string" }, "alibaba-access-key-secret": { type: "string" },
    },
  });
  const file = values.config ? JSON.parse(fs.readFileSync(values.config, "utf8")) : {};
  const { rules, ...fromFile } = file as { rules?: never; rateLimits?: object };
  const config = values["rate-limits"] ? { ...fromFile, rateLimits: { ...fromFile.rateLimits, enabled: true } } : fromFile;
  const emu = await startEmulator({ port: Number(values.port), host: values.host, config, rules, credentials: credentials(values) });
  if (values["ca-file"]) fs.writeFileSync(values["ca-file"], emu.tlsCertificate);
  process.stdout.write(`${JSON.stringify({ url: emu.url, credentials: emu.credentials })}\n`);
  const stop = () => void emu.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(`emulator failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
