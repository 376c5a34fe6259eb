/**
 * How a Pulumi program (or the provider host) is pointed at the emulator: the environment variables or the stack
 * config a user would set, built from a running emulator's URL and credentials.
 */
import type { EmulatorCredentials } from "../emulator";

/** What is needed from a running emulator. */
export interface EmulatorAddress {
  url: string;
  credentials: EmulatorCredentials;
}

/** Environment variables that point the provider at the emulator. */
export function emulatorEnv(emu: EmulatorAddress): Record<string, string> {
  return {
    CDN_PREFETCH_ENDPOINT: emu.url,
    TENCENTCLOUD_SECRET_ID: emu.credentials.tencent.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.credentials.tencent.secretKey,
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.credentials.alibaba.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.credentials.alibaba.accessKeySecret,
  };
}

/** Stack config (as `pulumi config set` writes it) that points the provider at the emulator. */
export function emulatorStackConfig(emu: EmulatorAddress): Record<string, string> {
  return {
    "cdnPrefetch:endpoint": emu.url,
    "tencentcloud:secretId": emu.credentials.tencent.secretId,
    "tencentcloud:secretKey": emu.credentials.tencent.secretKey,
    "alicloud:accessKey": emu.credentials.alibaba.accessKeyId,
    "alicloud:secretKey": emu.credentials.alibaba.accessKeySecret,
  };
}
