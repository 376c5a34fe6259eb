/**
 * Runs the Alibaba credential scenarios (support/credential-cases.ts) in a process started with NODE_EXTRA_CA_CERTS
 * naming the emulator's certificate — how a user's process trusts the emulator for Alibaba's HTTPS-only STS calls —
 * and prints one JSON line: `{ <scenario>: ScenarioReport }`. The emulator here serves the identity whose certificate
 * the parent trusted (CRED_TLS_CERT_FILE / CRED_TLS_KEY_FILE). Started by tests/adapters/credentials-chains.spec.ts.
 */
import * as fs from "node:fs";
import { ALIBABA_CASES } from "./credential-cases";
import { runScenario, type ScenarioReport } from "./credential-scenarios";

async function main(): Promise<void> {
  const tls = { cert: fs.readFileSync(process.env.CRED_TLS_CERT_FILE!, "utf8"), key: fs.readFileSync(process.env.CRED_TLS_KEY_FILE!, "utf8") };
  const reports: Record<string, ScenarioReport> = {};
  for (const [name, scenario] of Object.entries(ALIBABA_CASES)) reports[name] = await runScenario(scenario, tls);
  process.stdout.write(`${JSON.stringify(reports)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
