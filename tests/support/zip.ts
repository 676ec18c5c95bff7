// Reads a ZIP the way an examiner's tool would (yauzl, the reader paired with the yazl writer Docket
// uses), so a test checks the package as it was sent rather than as Docket meant to write it; and
// checks an evidence package with sha256sum and openssl, as its README tells a recipient to.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import yauzl from "yauzl";

const run = promisify(execFile);

/** Every file of the archive, by path. */
export function readZip(archive: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(files));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Writes the archive's files under `folder`, as an examiner unpacks a package before checking it. */
export async function unpackZip(files: Map<string, Buffer>, folder: string): Promise<void> {
  for (const [name, content] of files) {
    const target = path.join(folder, name);
    if (!target.startsWith(folder + path.sep)) throw new Error(`the archive names a path outside its folder: ${name}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

export interface PackageCheck {
  /** `sha256sum -c SHA256SUMS`'s lines. */
  checksums: string[];
  /** What `openssl pkeyutl -verify` said of each signed file. */
  signatures: Record<"SHA256SUMS" | "manifest.json", string>;
  /** The first 16 hex digits of the SHA-256 of the public key's DER, as README.txt names the key. */
  keyId: string;
}

/** Checks an unpacked evidence package with the commands its README.txt gives, and nothing else. */
export async function checkPackageAsReadmeSays(folder: string): Promise<PackageCheck> {
  const checksums = (await run("sha256sum", ["-c", "SHA256SUMS"], { cwd: folder })).stdout.trim().split("\n");
  const verify = async (signed: string, signature: string) =>
    (
      await run("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem", "-rawin", "-in", signed, "-sigfile", signature], { cwd: folder })
    ).stdout.trim();
  const signatures = { SHA256SUMS: await verify("SHA256SUMS", "SHA256SUMS.sig"), "manifest.json": await verify("manifest.json", "manifest.sig") };
  const keyId = (await run("sh", ["-c", "openssl pkey -pubin -in public-key.pem -outform DER | sha256sum"], { cwd: folder })).stdout.slice(0, 16);
  return { checksums, signatures, keyId };
}
