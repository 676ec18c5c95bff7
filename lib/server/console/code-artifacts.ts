import "server-only";
import { DISPLAY_LIMIT_BYTES } from "@/lib/schemas/artifacts";
import type { CodeArtifactPage, CodeArtifactSummary, CodeArtifactVersionView } from "@/lib/schemas/code-artifacts";
import { checkIntegrity } from "@/lib/server/artifacts/content-integrity";
import { toDisplayedText } from "@/lib/server/artifacts/displayed-text";
import { readDownload } from "@/lib/server/artifacts/read-download";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import type { CodeArtifact } from "@/lib/server/compliance/schemas/code-artifacts";
import { AppError } from "@/lib/server/http/errors";
import type { ConsoleRead } from "./console-read";
import type { CodeArtifactListRequest } from "./request-schemas";
import { timeRange } from "./to-dto";

/** One page of Claude Code artifacts, in the API's order (by id), each with its JSON as listed. */
export async function listCodeArtifacts(client: ComplianceClient, request: CodeArtifactListRequest): Promise<ConsoleRead<CodeArtifactPage>> {
  const { data, raw, requestId } = await client.codeArtifacts.list({
    organizationIds: request.orgIds,
    userIds: request.userIds,
    updatedAt: timeRange(request.updatedFrom, request.updatedTo),
    page: request.page,
    limit: request.limit,
  });
  const rawItems = rawDataOf(raw);
  return {
    dto: { artifacts: data.data.map((artifact, index) => toCodeArtifactSummary(artifact, rawItems[index])), nextPage: data.next_page },
    upstreamRequestIds: requestId ? [requestId] : [],
  };
}

function toCodeArtifactSummary(artifact: CodeArtifact, raw: unknown): CodeArtifactSummary {
  return {
    id: artifact.id,
    organizationUuid: artifact.organization_uuid,
    ownerUserId: artifact.owner_user_id,
    ownerEmail: artifact.user?.email_address ?? null,
    publishedVersionId: artifact.published_version_id,
    readMode: artifact.read_mode,
    updatedAt: artifact.updated_at,
    versions: artifact.versions.map((version) => ({ id: version.id, createdAt: version.created_at, name: version.name })),
    rawJson: JSON.stringify(raw ?? null),
  };
}

/** One artifact for its page, found in the listing; a 404 when the listing does not show it. */
export async function getCodeArtifact(client: ComplianceClient, artifactId: string): Promise<ConsoleRead<CodeArtifactSummary>> {
  const found = await findCodeArtifact(client, artifactId);
  if (!found) throw new AppError("not_found", `The Compliance API lists no code artifact ${artifactId}: it may have been deleted.`);
  return {
    dto: toCodeArtifactSummary(found.artifact, found.raw),
    upstreamRequestIds: found.upstreamRequestIds,
    organizationId: found.artifact.organization_uuid,
  };
}

function rawDataOf(raw: unknown): unknown[] {
  const items = typeof raw === "object" && raw !== null ? (raw as { data?: unknown }).data : undefined;
  return Array.isArray(items) ? items : [];
}

/**
 * One version's content, read to its end so its MD5 covers every byte (the API sends Content-MD5 only
 * for content stored as is, documented), shown as text up to the display limit and never run.
 */
export async function readCodeArtifactVersion(
  client: ComplianceClient,
  artifactId: string,
  versionId: string,
  options?: CallOptions,
): Promise<ConsoleRead<CodeArtifactVersionView>> {
  const download = await client.codeArtifacts.downloadVersion(artifactId, versionId, options);
  const read = await readDownload(download, DISPLAY_LIMIT_BYTES);
  const integrity = checkIntegrity(
    { md5: read.md5, receivedBytes: read.readBytes },
    { metadataMd5: null, contentMd5Header: download.contentMd5, declaredBytes: download.contentLength },
  );
  return {
    dto: {
      artifactId,
      versionId,
      contentType: download.contentType,
      filename: download.filename,
      content: toDisplayedText(read.head, read.complete ? read.readBytes : null),
      integrity,
    },
    upstreamRequestIds: download.requestId ? [download.requestId] : [],
  };
}

/** The listing's largest page: the API has no read of one artifact, so finding one walks the list. */
const FIND_PAGE_SIZE = 100;

export interface FoundCodeArtifact {
  artifact: CodeArtifact;
  /** The artifact exactly as listed. */
  raw: unknown;
  upstreamRequestIds: string[];
}

/**
 * One artifact by id. The API lists artifacts (by organisation or owner) but reads none by id, so
 * Docket walks the listing, narrowed to an organisation when known; null when it is not listed
 * (deleted, or never there: the API shows no difference).
 */
export async function findCodeArtifact(client: ComplianceClient, artifactId: string, organizationUuid?: string | null): Promise<FoundCodeArtifact | null> {
  const upstreamRequestIds: string[] = [];
  let page: string | undefined;
  do {
    const { data, raw, requestId } = await client.codeArtifacts.list({
      organizationIds: organizationUuid ? [organizationUuid] : undefined,
      limit: FIND_PAGE_SIZE,
      page,
    });
    if (requestId) upstreamRequestIds.push(requestId);
    const index = data.data.findIndex((artifact) => artifact.id === artifactId);
    if (index >= 0) return { artifact: data.data[index]!, raw: rawDataOf(raw)[index] ?? null, upstreamRequestIds };
    page = data.next_page ?? undefined;
  } while (page);
  return null;
}
