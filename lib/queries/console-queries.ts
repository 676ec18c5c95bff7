import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { chatListApiQuery, type ChatFilters } from "@/lib/console/chat-filters";
import { ChatPage, CustodianPage, OrganizationList } from "@/lib/schemas/console";
import { apiFetch } from "./api-fetch";

const CUSTODIAN_PAGE_SIZE = 200;

export const consoleKeys = {
  all: ["console"] as const,
  organizations: () => [...consoleKeys.all, "organizations"] as const,
  custodians: (orgUuid: string) => [...consoleKeys.organizations(), orgUuid, "custodians"] as const,
  chatLists: () => [...consoleKeys.all, "chats", "list"] as const,
  chatList: (filters: ChatFilters) => [...consoleKeys.chatLists(), filters] as const,
};

export const organizationsOptions = () =>
  queryOptions({
    queryKey: consoleKeys.organizations(),
    queryFn: ({ signal }) => apiFetch("/api/organizations", OrganizationList, { signal }),
  });

export const custodiansOptions = (orgUuid: string) =>
  infiniteQueryOptions({
    queryKey: consoleKeys.custodians(orgUuid),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(CUSTODIAN_PAGE_SIZE), ...(pageParam ? { page: pageParam } : {}) });
      return apiFetch(`/api/organizations/${encodeURIComponent(orgUuid)}/users?${query.toString()}`, CustodianPage, { signal });
    },
    getNextPageParam: (page) => page.nextPage ?? undefined,
  });

export const chatPageOptions = (filters: ChatFilters) =>
  queryOptions({
    queryKey: consoleKeys.chatList(filters),
    queryFn: ({ signal }) => apiFetch(`/api/chats?${chatListApiQuery(filters)}`, ChatPage, { signal }),
  });
