import "server-only";
import type { CustodianPage } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { ConsoleRead } from "./console-read";
import type { CustodianListRequest } from "./request-schemas";

/** One page of an organisation's users; the next page is asked for with `nextPage`. */
export async function listCustodians(client: ComplianceClient, orgUuid: string, request: CustodianListRequest): Promise<ConsoleRead<CustodianPage>> {
  const { data, requestId } = await client.organizations.listUsers(orgUuid, { page: request.page, limit: request.limit });
  return {
    dto: {
      users: data.data.map((user) => ({
        id: user.id,
        email: user.email,
        fullName: user.full_name,
        organizationRole: user.organization_role,
        createdAt: user.created_at,
      })),
      nextPage: data.has_more ? data.next_page : null,
    },
    upstreamRequestIds: requestId ? [requestId] : [],
    organizationId: orgUuid,
  };
}
