import { createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { chmod, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointSignatureValid, publicKeyPem, signCheckpoint } from "@/lib/server/audit/checkpoint";
import {
  DEFAULT_CHECKPOINT_FILE,
  ed25519KeyId,
  GENERATED_KEY_FILE_NAME,
  parseEd25519PrivateKey,
  parseEd25519PublicKey,
  publicKeyFromPem,
  readGeneratedSigningKey,
  readOrCreateGeneratedSigningKey,
} from "@/lib/server/audit/checkpoint-key";
import { InvalidEnvironmentError, parseServerEnv } from "@/lib/server/env";
import { VALID_SERVER_ENV } from "@/tests/support/server-env";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "docket-audit-key-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const pkcs8Base64 = (key: ReturnType<typeof generateKeyPairSync>["privateKey"]) => key.export({ type: "pkcs8", format: "der" }).toString("base64");

const base = VALID_SERVER_ENV;

describe("DOCKET_AUDIT_SIGNING_KEY", () => {
  it("is optional, and the checkpoint file defaults to .data/audit-checkpoint.json", () => {
    const env = parseServerEnv(base);
    expect(env.DOCKET_AUDIT_SIGNING_KEY).toBeUndefined();
    expect(env.DOCKET_AUDIT_CHECKPOINT_FILE).toBe(DEFAULT_CHECKPOINT_FILE);
    expect(DEFAULT_CHECKPOINT_FILE).toBe(".data/audit-checkpoint.json");
  });

  it("parses a base64 PKCS#8 DER Ed25519 key into a key that signs", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const env = parseServerEnv({ ...base, DOCKET_AUDIT_SIGNING_KEY: pkcs8Base64(privateKey), DOCKET_AUDIT_CHECKPOINT_FILE: "/var/lib/docket/cp.json" });
    const signature = sign(null, Buffer.from("head"), env.DOCKET_AUDIT_SIGNING_KEY!);
    expect(verify(null, Buffer.from("head"), publicKey, signature)).toBe(true);
    expect(env.DOCKET_AUDIT_CHECKPOINT_FILE).toBe("/var/lib/docket/cp.json");
  });

  it.each([
    ["garbage", "not a key"],
    ["an RSA key", pkcs8Base64(generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey)],
    ["an Ed25519 public key", createPublicKey(generateKeyPairSync("ed25519").privateKey).export({ type: "spki", format: "der" }).toString("base64")],
  ])("refuses %s at startup, without echoing it", (_what, value) => {
    let problems: string[] = [];
    try {
      parseServerEnv({ ...base, DOCKET_AUDIT_SIGNING_KEY: value });
    } catch (error) {
      if (error instanceof InvalidEnvironmentError) problems = error.problems;
    }
    expect(problems).toEqual(["DOCKET_AUDIT_SIGNING_KEY must be a base64 PKCS#8 DER Ed25519 private key"]);
    expect(() => parseEd25519PrivateKey(value)).toThrow(TypeError);
  });
});

describe("DOCKET_AUDIT_VERIFY_KEY and the anchors", () => {
  const { publicKey } = generateKeyPairSync("ed25519");
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const der = publicKey.export({ type: "spki", format: "der" }).toString("base64");

  it.each([
    ["PEM", pem],
    ["base64 SPKI DER", der],
  ])("takes the public key as %s", (_form, text) => {
    expect(ed25519KeyId(parseServerEnv({ ...base, DOCKET_AUDIT_VERIFY_KEY: text }).DOCKET_AUDIT_VERIFY_KEY!)).toBe(ed25519KeyId(publicKey));
    expect(parseEd25519PublicKey(text).asymmetricKeyType).toBe("ed25519");
  });

  it.each([
    ["an RSA key", generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString()],
    ["a private key", pkcs8Base64(generateKeyPairSync("ed25519").privateKey)],
    ["noise", "not a key"],
  ])("refuses %s, naming the variable", (_what, text) => {
    expect(() => parseServerEnv({ ...base, DOCKET_AUDIT_VERIFY_KEY: text })).toThrow(
      /DOCKET_AUDIT_VERIFY_KEY must be an Ed25519 public key, PEM or base64 SPKI DER/,
    );
  });

  it("takes an anchor file and an http(s) endpoint, and refuses another scheme", () => {
    const env = parseServerEnv({
      ...base,
      DOCKET_AUDIT_ANCHOR_FILE: "/mnt/worm/docket-anchors.jsonl",
      DOCKET_AUDIT_ANCHOR_URL: "https://siem.example/anchors",
    });
    expect(env).toMatchObject({ DOCKET_AUDIT_ANCHOR_FILE: "/mnt/worm/docket-anchors.jsonl", DOCKET_AUDIT_ANCHOR_URL: "https://siem.example/anchors" });
    expect(() => parseServerEnv({ ...base, DOCKET_AUDIT_ANCHOR_URL: "file:///etc/passwd" })).toThrow(InvalidEnvironmentError);
  });
});

describe("the generated signing key", () => {
  it("is created once beside the checkpoint, readable by its owner only, and reused", async () => {
    const checkpointFile = path.join(directory, "first", "audit-checkpoint.json");
    expect(await readGeneratedSigningKey(checkpointFile)).toBeNull();
    const created = await readOrCreateGeneratedSigningKey(checkpointFile);
    const keyFile = path.join(directory, "first", GENERATED_KEY_FILE_NAME);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const again = await readOrCreateGeneratedSigningKey(checkpointFile);
    expect(ed25519KeyId(again)).toBe(ed25519KeyId(created));
  });

  it("is one key even when several processes race to create it", async () => {
    const checkpointFile = path.join(directory, "race", "audit-checkpoint.json");
    const keys = await Promise.all(Array.from({ length: 8 }, () => readOrCreateGeneratedSigningKey(checkpointFile)));
    expect(new Set(keys.map(ed25519KeyId)).size).toBe(1);
    expect(await readdir(path.dirname(checkpointFile))).toEqual([GENERATED_KEY_FILE_NAME]); // no temporary file left
  });

  it("is refused when group or others may read it", async () => {
    const checkpointFile = path.join(directory, "loose", "audit-checkpoint.json");
    await readOrCreateGeneratedSigningKey(checkpointFile);
    await chmod(path.join(directory, "loose", GENERATED_KEY_FILE_NAME), 0o644);
    await expect(readOrCreateGeneratedSigningKey(checkpointFile)).rejects.toThrow(/must be readable by its owner only/);
  });
});

describe("checkpoint signatures", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const head = { seq: 42n, rowHash: "ab".repeat(32) };

  it("verify with the exported public key, and name the key by a stable id", async () => {
    const checkpoint = signCheckpoint(head, privateKey, new Date("2026-01-01T00:00:00.000Z"));
    expect(checkpoint).toMatchObject({ v: 1, seq: "42", rowHash: head.rowHash, signedAt: "2026-01-01T00:00:00.000Z", keyId: ed25519KeyId(publicKey) });
    const exported = publicKeyFromPem(await publicKeyPem({ file: "unused", signingKey: privateKey }));
    expect(checkpointSignatureValid(checkpoint, exported)).toBe(true);
    expect(ed25519KeyId(privateKey)).toBe(ed25519KeyId(exported));
    expect(ed25519KeyId(privateKey)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ["seq", { seq: "41" }],
    ["rowHash", { rowHash: "cd".repeat(32) }],
    ["signedAt", { signedAt: "2027-01-01T00:00:00.000Z" }],
    ["keyId", { keyId: "0".repeat(16) }],
    ["signature", { signature: Buffer.alloc(64).toString("base64") }],
  ])("fail when %s is changed", (_field, change) => {
    const checkpoint = { ...signCheckpoint(head, privateKey), ...change };
    expect(checkpointSignatureValid(checkpoint, publicKey)).toBe(false);
  });

  it("fail with another key", () => {
    expect(checkpointSignatureValid(signCheckpoint(head, privateKey), generateKeyPairSync("ed25519").publicKey)).toBe(false);
  });
});
