import "server-only";

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// The checkpoint's signing key and where the checkpoint lives. Reads no environment, so that env.ts
// (which validates DOCKET_AUDIT_SIGNING_KEY with it) and the audit:verify CLI can both use it.

/** Relative to the working directory, like the demo's database under .data/. */
export const DEFAULT_CHECKPOINT_FILE = ".data/audit-checkpoint.json";

/** The demo's generated key, kept beside the checkpoint file it signs. */
export const GENERATED_KEY_FILE_NAME = "audit-signing-key.pem";

/** DOCKET_AUDIT_SIGNING_KEY: base64 of a PKCS#8 DER Ed25519 private key. The message never echoes it. */
export function parseEd25519PrivateKey(base64: string): KeyObject {
  let key: KeyObject | undefined;
  try {
    key = createPrivateKey({ key: Buffer.from(base64, "base64"), format: "der", type: "pkcs8" });
  } catch {
    // reported below, without the value
  }
  if (key?.asymmetricKeyType !== "ed25519") throw new TypeError("must be a base64 PKCS#8 DER Ed25519 private key");
  return key;
}

const keyIds = new WeakMap<KeyObject, string>();

/** A short public name for a key: the first 16 hex digits of the SHA-256 of its SPKI DER public key. */
export function ed25519KeyId(key: KeyObject): string {
  // Every checkpoint names its key, and one is written after nearly every append under load.
  let id = keyIds.get(key);
  if (id === undefined) {
    const publicKey = key.type === "private" ? createPublicKey(key) : key;
    id = createHash("sha256")
      .update(publicKey.export({ type: "spki", format: "der" }))
      .digest("hex")
      .slice(0, 16);
    keyIds.set(key, id);
  }
  return id;
}

/**
 * DOCKET_AUDIT_VERIFY_KEY: an Ed25519 public key, as PEM (the `public-key.pem` an auditor keeps) or as
 * the base64 of its SPKI DER form, for environments that take one line.
 */
export function parseEd25519PublicKey(text: string): KeyObject {
  let key: KeyObject | undefined;
  try {
    key = text.includes("-----BEGIN") ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
  } catch {
    // reported below
  }
  if (key?.asymmetricKeyType !== "ed25519") throw new TypeError("must be an Ed25519 public key, PEM or base64 SPKI DER");
  return key;
}

export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== "ed25519") throw new TypeError("not an Ed25519 public key");
  return key;
}

/**
 * Reads the generated key beside `checkpointFile`, or null when there is none. Refuses a key file
 * that group or others may read: whoever reads it can forge checkpoints.
 */
export async function readGeneratedSigningKey(checkpointFile: string): Promise<KeyObject | null> {
  const file = path.join(path.dirname(checkpointFile), GENERATED_KEY_FILE_NAME);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!info) return null;
  if ((info.mode & 0o077) !== 0) throw new Error(`${file} must be readable by its owner only (chmod 600 it)`);
  const key = createPrivateKey(await readFile(file, "utf8"));
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${file} does not hold an Ed25519 private key`);
  return key;
}

/**
 * The generated key beside `checkpointFile`, created (mode 0600) on first use. Creation is
 * write-then-link, so concurrent processes end up with the one key that won, never a partial file.
 */
export async function readOrCreateGeneratedSigningKey(checkpointFile: string): Promise<KeyObject> {
  const existing = await readGeneratedSigningKey(checkpointFile);
  if (existing) return existing;
  const directory = path.dirname(checkpointFile);
  await mkdir(directory, { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  const temporary = path.join(directory, `.${GENERATED_KEY_FILE_NAME}.${process.pid}.${randomUUID()}.tmp`);
  await writeFile(temporary, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  try {
    await link(temporary, path.join(directory, GENERATED_KEY_FILE_NAME)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  } finally {
    await rm(temporary, { force: true });
  }
  const key = await readGeneratedSigningKey(checkpointFile);
  if (!key) throw new Error(`${GENERATED_KEY_FILE_NAME} vanished right after it was created`);
  return key;
}
