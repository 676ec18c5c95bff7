import { queryOptions } from "@tanstack/react-query";
import { CustodianPage } from "@/lib/schemas/console";
import { LegalHoldDto, LegalHoldList, type CreateLegalHoldBody, type LegalHoldStatus, type ReleaseLegalHoldBody } from "@/lib/schemas/legal-holds";
import { apiFetch } from "./api-fetch";

export const legalHoldKeys = {
  all: ["legal-holds"] as const,
  lists: () => [...legalHoldKeys.all, "list"] as const,
  list: (status: LegalHoldStatus | undefined) => [...legalHoldKeys.lists(), status ?? "all"] as const,
};

export const legalHoldListOptions = (status: LegalHoldStatus | undefined) =>
  queryOptions({
    queryKey: legalHoldKeys.list(status),
    queryFn: ({ signal }) => apiFetch(`/api/legal-holds${status ? `?status=${status}` : ""}`, LegalHoldList, { signal }),
  });

export function createLegalHold(body: CreateLegalHoldBody): Promise<LegalHoldDto> {
  return apiFetch("/api/legal-holds", LegalHoldDto, { method: "POST", body });
}

export function releaseLegalHold(id: string, body: ReleaseLegalHoldBody): Promise<LegalHoldDto> {
  return apiFetch(`/api/legal-holds/${encodeURIComponent(id)}/release`, LegalHoldDto, { method: "POST", body });
}

/** The largest users page Docket's route asks for. */
const USER_PAGE_SIZE = 200;

export type FoundUser = CustodianPage["users"][number];

/**
 * A user of an organisation by email. The Compliance API cannot search users, so this pages through
 * the organisation's list until the address turns up (each page is an audited read).
 */
export async function findUserByEmail(orgUuid: string, email: string, signal?: AbortSignal): Promise<FoundUser | null> {
  const wanted = email.trim().toLowerCase();
  let page: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(USER_PAGE_SIZE), ...(page ? { page } : {}) });
    const answer = await apiFetch(`/api/organizations/${encodeURIComponent(orgUuid)}/users?${query.toString()}`, CustodianPage, { signal });
    const found = answer.users.find((user) => user.email?.toLowerCase() === wanted);
    if (found) return found;
    page = answer.nextPage ?? undefined;
  } while (page);
  return null;
}
