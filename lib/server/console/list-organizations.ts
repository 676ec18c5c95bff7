import "server-only";
import type { OrganizationList } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { walkTokenPages } from "@/lib/server/compliance/pagination";
import type { ConsoleRead } from "./console-read";
import { requestIdCollector } from "./to-dto";

/** Every organisation Docket's key can read (the parent and its linked organisations), all pages. */
export async function listOrganizations(client: ComplianceClient): Promise<ConsoleRead<OrganizationList>> {
  const requestIds = requestIdCollector();
  const organizations: OrganizationList["organizations"] = [];
  for await (const page of walkTokenPages((page) => client.organizations.list({ page, limit: 1000 }).then(requestIds.keep))) {
    organizations.push(...page.data.map((organization) => ({ uuid: organization.uuid, name: organization.name, createdAt: organization.created_at })));
  }
  return { dto: { organizations }, upstreamRequestIds: requestIds.ids };
}
