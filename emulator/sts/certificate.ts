/**
 * The emulator's TLS identity: a self-signed certificate made at start-up, for `127.0.0.1`, `::1` and `localhost`
 * only. It exists because Alibaba's credential providers call STS over HTTPS and nothing else (`@alicloud/credentials`
 * 2.4.7 `dist/src/providers/ram_role_arn.js` and `oidc_role_arn.js`: `withProtocol('https')`, the STS endpoint being a
 * bare host); the emulator answers TLS and plain HTTP on the same port (sts/listener.ts).
 *
 * Trusting it weakens nothing else: a client adds this one certificate to the trusted roots (`NODE_EXTRA_CA_CERTS`, read
 * at process start, keeps Node's bundled roots), it is an end-entity certificate (`CA:FALSE`, server authentication
 * only) so it cannot vouch for any other host, its names are loopback names only, and its private key is made per start
 * and never leaves the emulator process (unless the caller supplies its own identity).
 *
 * Written with node:crypto alone (ECDSA P-256, X.509 v3 in DER by hand: RFC 5280 §4.1), so the emulator keeps no
 * dependency.
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

/** A certificate and its private key, PEM. */
export interface TlsIdentity {
  cert: string;
  key: string;
}

/** How long the certificate is valid: a day back (clock skew) to a year ahead (a long-running emulator). */
const VALID_BEFORE_MS = 86_400_000;
const VALID_FOR_MS = 365 * 86_400_000;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const integer = (b: Buffer) => tlv(0x02, b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
const octets = (b: Buffer) => tlv(0x04, b);
const bits = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a + b];
  for (const v of rest) {
    const group = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) group.unshift(0x80 | (x & 0x7f));
    out.push(...group);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime `YYMMDDHHMMSSZ` (RFC 5280 §4.1.2.5.1: dates through 2049). */
const utcTime = (ms: number) => tlv(0x17, Buffer.from(`${new Date(ms).toISOString().replace(/[-:T]/g, "").slice(2, 14)}Z`));
const commonName = (cn: string) => seq(set(seq(oid("2.5.4.3"), tlv(0x0c, Buffer.from(cn)))));
const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), octets(value));

/** The subjectAltName value: DNS `localhost`, IP `127.0.0.1`, IP `::1` (GeneralName tags [2] and [7]). */
function loopbackNames(): Buffer {
  const ipv6Loopback = Buffer.alloc(16);
  ipv6Loopback[15] = 1;
  return seq(tlv(0x82, Buffer.from("localhost")), tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x87, ipv6Loopback));
}

function pem(label: string, der: Buffer): string {
  return `-----BEGIN ${label}-----\n${der.toString("base64").match(/.{1,64}/g)!.join("\n")}\n-----END ${label}-----\n`;
}

/** A random positive serial number, minimally encoded (no leading zero byte: DER, RFC 5280 §4.1.2.2). */
function serialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) || 0x01;
  return serial;
}

/** Makes a fresh self-signed identity valid from a day before `nowMs` for a year. */
export function createTlsIdentity(nowMs: number = Date.now()): TlsIdentity {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ecdsaWithSha256 = seq(oid("1.2.840.10045.4.3.2"));
  const name = commonName("cdn-prefetch-emulator");
  const extensions = seq(
    extension("2.5.29.19", true, seq()), // basicConstraints: CA:FALSE
    extension("2.5.29.15", true, tlv(0x03, Buffer.from([7, 0x80]))), // keyUsage: digitalSignature
    extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"))), // extKeyUsage: serverAuth
    extension("2.5.29.17", false, loopbackNames()),
  );
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serialNumber()),
    ecdsaWithSha256,
    name,
    seq(utcTime(nowMs - VALID_BEFORE_MS), utcTime(nowMs + VALID_FOR_MS)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    tlv(0xa3, extensions),
  );
  const certificate = seq(tbs, ecdsaWithSha256, bits(sign("sha256", tbs, privateKey)));
  return { cert: pem("CERTIFICATE", certificate), key: privateKey.export({ type: "pkcs8", format: "pem" }) as string };
}
