// Claude Code artifacts through Docket's client and console reads, against the simulator over HTTP.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { CodeArtifactPage, CodeArtifactVersionView } from "@/lib/schemas/code-artifacts";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { listCodeArtifacts, readCodeArtifactVersion } from "@/lib/server/console/code-artifacts";
import { CodeArtifactListRequest } from "@/lib/server/console/request-schemas";
import { rawGet, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

const request = (query: Record<string, string>) => CodeArtifactListRequest.parse(query);

async function everyArtifact(query: Record<string, string>) {
  const artifacts: CodeArtifactPage["artifacts"] = [];
  let page: string | undefined;
  do {
    const read = await listCodeArtifacts(client, request({ ...query, ...(page ? { page } : {}) }));
    expect(CodeArtifactPage.parse(read.dto)).toEqual(read.dto);
    artifacts.push(...read.dto.artifacts);
    page = read.dto.nextPage ?? undefined;
  } while (page);
  return artifacts;
}

describe("code artifacts", () => {
  test("every artifact is listed once across pages, as the API lists them, with its JSON as sent", async () => {
    const listed = await everyArtifact({ limit: "2" });
    const upstream = JSON.parse((await rawGet(simulator, "/v1/compliance/apps/code/artifacts?limit=100")).text) as { data: Array<{ id: string }> };
    expect(listed.map((artifact) => artifact.id)).toEqual(upstream.data.map((artifact) => artifact.id));
    expect(new Set(listed.map((artifact) => artifact.id)).size).toBe(listed.length);
    for (const [index, artifact] of listed.entries()) expect(JSON.parse(artifact.rawJson)).toEqual(upstream.data[index]);
  });

  test("filters by owner: only that person's artifacts", async () => {
    const all = await everyArtifact({ limit: "100" });
    const owner = all.find((artifact) => artifact.ownerUserId !== null)!.ownerUserId!;
    const owned = await everyArtifact({ userIds: owner });
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((artifact) => artifact.ownerUserId === owner)).toBe(true);
    expect(owned.length).toBe(all.filter((artifact) => artifact.ownerUserId === owner).length);
  });

  test("a version's content is the simulator's bytes, with the Content-MD5 checked", async () => {
    const { id, versionId } = simulator.fixtures.codeArtifact;
    const read = await readCodeArtifactVersion(client, id, versionId);
    expect(CodeArtifactVersionView.parse(read.dto)).toEqual(read.dto);
    const upstream = await fetch(`${simulator.url}/v1/compliance/apps/code/artifacts/${id}/versions/${versionId}`, {
      headers: { "x-api-key": "sk-ant-api01-simulator-full" },
    });
    const bytes = Buffer.from(await upstream.arrayBuffer());
    expect(read.dto.content.text).toBe(bytes.toString("utf8"));
    expect(read.dto.integrity).toMatchObject({ outcome: "verified", computedMd5: createHash("md5").update(bytes).digest("hex") });
    expect(read.upstreamRequestIds).toHaveLength(1);
  });

  test("a wrong MD5 is reported as a mismatch, not hidden", async () => {
    const { id, versionId } = simulator.fixtures.codeArtifact;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/code/artifacts/${id}` }, times: 1, fault: { type: "wrong_md5" } }]);
    const read = await readCodeArtifactVersion(client, id, versionId);
    expect(read.dto.integrity.outcome).toBe("mismatch");
  });
});
