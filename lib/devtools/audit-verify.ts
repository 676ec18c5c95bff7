// `npm run audit:verify`: verifies the whole audit chain and, when there is one, the signed
// checkpoint, and names the first broken link. Exit 0: intact; 1: broken; 2: could not verify.
//
// Run with the react-server condition, which makes `server-only` the no-op Next.js gives server code:
//   node --conditions=react-server --import tsx lib/devtools/audit-verify.ts [options]
import { createPublicKey, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { AuditVerifyReport, SignedCheckpoint } from "@/lib/schemas/audit-event";
import { readCheckpoint } from "@/lib/server/audit/checkpoint";
import {
  DEFAULT_CHECKPOINT_FILE,
  ed25519KeyId,
  parseEd25519PrivateKey,
  parseEd25519PublicKey,
  publicKeyFromPem,
  readGeneratedSigningKey,
} from "@/lib/server/audit/checkpoint-key";
import { checkAnchors, readAnchors, type AnchorFinding } from "@/lib/server/audit/verify-anchors";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { createDb } from "@/lib/server/db";

const USAGE = `Usage: npm run audit:verify -- [--checkpoint FILE] [--anchors FILE] [--public-key FILE]

Verifies the audit chain in DATABASE_URL and, if the checkpoint file exists, the signed head in it.
  --checkpoint FILE   the signed checkpoint (default: DOCKET_AUDIT_CHECKPOINT_FILE, else ${DEFAULT_CHECKPOINT_FILE})
  --anchors FILE      a copy of the anchors (DOCKET_AUDIT_ANCHOR_FILE, or what the anchor endpoint
                      kept, one signed checkpoint a line): the chain is checked against every one
  --public-key FILE   the Ed25519 public key (PEM) to check signatures with (default:
                      DOCKET_AUDIT_VERIFY_KEY, else derived from DOCKET_AUDIT_SIGNING_KEY, else from
                      the generated key beside the checkpoint)
Exit status: 0 intact, 1 broken, 2 could not verify.`;

const Environment = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  DOCKET_AUDIT_CHECKPOINT_FILE: z.string().min(1).default(DEFAULT_CHECKPOINT_FILE),
  DOCKET_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  DOCKET_AUDIT_VERIFY_KEY: z.string().min(1).optional(),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { checkpoint: { type: "string" }, anchors: { type: "string" }, "public-key": { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const blanksRemoved = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const environment = Environment.safeParse(blanksRemoved);
  if (!environment.success) throw new Error(environment.error.issues.map((issue) => issue.message).join("; "));
  const env = environment.data;

  const checkpointFile = path.resolve(values.checkpoint ?? env.DOCKET_AUDIT_CHECKPOINT_FILE);
  const checkpoint = await readCheckpoint(checkpointFile);
  const anchors = values.anchors ? await readAnchors(path.resolve(values.anchors)) : null;
  const keys = { file: values["public-key"], verifyKey: env.DOCKET_AUDIT_VERIFY_KEY, signingKey: env.DOCKET_AUDIT_SIGNING_KEY };
  const publicKey = checkpoint || anchors ? await verificationKey(keys, checkpointFile) : null;

  console.log(`Database:   ${describeDatabase(env.DATABASE_URL)}`);
  console.log(`Checkpoint: ${checkpoint ? checkpointFile : `none at ${checkpointFile}: a cut tail cannot be detected`}`);
  if (anchors) console.log(`Anchors:    ${anchors.length} in ${path.resolve(values.anchors!)}`);
  if (publicKey) console.log(`Key:        ${ed25519KeyId(publicKey)}`);

  const db = createDb(env.DATABASE_URL);
  try {
    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    printReport(report, checkpoint);
    const anchorsHold = anchors ? printAnchorFindings(await checkAnchors(db, anchors, publicKey!)) : true;
    return report.ok && anchorsHold ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

/** One line for the anchors that hold, and one for each that does not; true when they all hold. */
function printAnchorFindings(findings: AnchorFinding[]): boolean {
  const consistent = findings.filter((finding) => finding.verdict === "consistent");
  console.log(`Anchors:    ${consistent.length} of ${findings.length} consistent with the chain`);
  for (const finding of findings) {
    if (finding.verdict === "consistent") continue;
    const detail =
      finding.verdict === "truncated"
        ? `the chain ends at seq ${finding.headSeq ?? "none"}, before the anchored row`
        : finding.verdict === "rewritten"
          ? `the anchored row now has ${finding.rowHash ? `row_hash ${finding.rowHash}` : "no row"}`
          : "its signature does not verify with the key";
    console.log(`BROKEN anchor at seq ${finding.seq}: ${ANCHOR_MEANINGS[finding.verdict]} (${finding.verdict}): ${detail}`);
  }
  return consistent.length === findings.length;
}

const ANCHOR_MEANINGS: Record<Exclude<AnchorFinding["verdict"], "consistent">, string> = {
  truncated: "the newest rows were removed",
  rewritten: "the chain was rewritten",
  bad_signature: "the anchor was not signed by the audit key",
};

async function verificationKey(
  keys: { file: string | undefined; verifyKey: string | undefined; signingKey: string | undefined },
  checkpointFile: string,
): Promise<KeyObject> {
  const { file: publicKeyFile, verifyKey, signingKey } = keys;
  try {
    if (publicKeyFile) return publicKeyFromPem(await readFile(publicKeyFile, "utf8"));
    if (verifyKey) return parseEd25519PublicKey(verifyKey);
    if (signingKey) return createPublicKey(parseEd25519PrivateKey(signingKey));
    const generated = await readGeneratedSigningKey(checkpointFile);
    if (generated) return createPublicKey(generated);
  } catch (error) {
    throw new Error(`no usable public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  throw new Error("there is a signed checkpoint or anchor to check but no key to check it with: pass --public-key FILE or set DOCKET_AUDIT_VERIFY_KEY");
}

function printReport(report: AuditVerifyReport, checkpoint: SignedCheckpoint | null): void {
  const seconds = report.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(report.rowsChecked / seconds) : report.rowsChecked;
  const head = report.head ? `head seq ${report.head.seq} row_hash ${report.head.rowHash}` : "no rows";
  console.log(`Rows:       ${report.rowsChecked} checked in ${seconds.toFixed(2)} s (${rate} rows/s); ${head}`);
  if (checkpoint && report.checkpoint) {
    console.log(`Signed:     seq ${checkpoint.seq} row_hash ${checkpoint.rowHash} at ${checkpoint.signedAt}: ${report.checkpoint.status}`);
  }
  const broken = report.firstBreak;
  if (!broken) {
    console.log(`\nOK: the audit chain is intact (${report.rowsChecked} rows${report.checkpoint ? ", consistent with the signed checkpoint" : ""}).`);
    return;
  }
  console.log(`\nBROKEN at seq ${broken.seq}: ${BREAK_MEANINGS[broken.kind]} (${broken.kind})`);
  console.log(`  expected: ${broken.expected}`);
  console.log(`  found:    ${broken.found}`);
}

const BREAK_MEANINGS: Record<NonNullable<AuditVerifyReport["firstBreak"]>["kind"], string> = {
  gap: "rows are missing from the chain",
  prev_hash: "the row does not link to the row before it",
  body: "a column was changed after the row was written",
  row_hash: "the row's hash was changed",
  truncated: "the newest rows were removed (the chain ends before the signed checkpoint)",
  rewritten: "the chain was rewritten (the checkpointed row has another hash)",
  bad_signature: "the checkpoint's signature does not verify",
};

/** Host, port and database only: the URL's user and password stay out of the output. */
function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** Error messages may quote the database URL (with its password) or, in theory, the key. */
function redact(message: string): string {
  let redacted = message;
  const { DATABASE_URL: url, DOCKET_AUDIT_SIGNING_KEY: key } = process.env;
  if (url && URL.canParse(url)) {
    const { password } = new URL(url);
    redacted = redacted.replaceAll(url, describeDatabase(url));
    if (password) redacted = redacted.replaceAll(password, "***").replaceAll(decodeURIComponent(password), "***");
  }
  return key ? redacted.replaceAll(key, "***") : redacted;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Prisma's messages span several lines with blank ones between: keep them on one line.
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `Could not verify: ${redact(
        message
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .join(" "),
      )}`,
    );
    process.exitCode = 2;
  },
);
