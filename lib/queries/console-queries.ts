import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { chatListApiQuery, type ChatFilters } from "@/lib/console/chat-filters";
import { projectListApiQuery, type ProjectFilters } from "@/lib/console/project-filters";
import { ChatPage, CustodianPage, OrganizationList, ProjectChatPage, ProjectDetail, ProjectPage } from "@/lib/schemas/console";
import { apiFetch } from "./api-fetch";

const CUSTODIAN_PAGE_SIZE = 200;
/** The API's largest project page. */
const PROJECT_PAGE_SIZE = 100;
const PROJECT_CHAT_PAGE_SIZE = 50;

export const consoleKeys = {
  all: ["console"] as const,
  organizations: () => [...consoleKeys.all, "organizations"] as const,
  custodians: (orgUuid: string) => [...consoleKeys.organizations(), orgUuid, "custodians"] as const,
  chatLists: () => [...consoleKeys.all, "chats", "list"] as const,
  chatList: (filters: ChatFilters) => [...consoleKeys.chatLists(), filters] as const,
  projectList: (filters: ProjectFilters) => [...consoleKeys.all, "projects", "list", filters] as const,
  project: (projectId: string) => [...consoleKeys.all, "projects", projectId] as const,
  projectChats: (projectId: string) => [...consoleKeys.project(projectId), "chats"] as const,
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

export const projectListOptions = (filters: ProjectFilters) =>
  infiniteQueryOptions({
    queryKey: consoleKeys.projectList(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiFetch(`/api/projects?${projectListApiQuery(filters, PROJECT_PAGE_SIZE, pageParam)}`, ProjectPage, { signal }),
    getNextPageParam: (page) => page.nextPage ?? undefined,
  });

export const projectDetailOptions = (projectId: string) =>
  queryOptions({
    queryKey: consoleKeys.project(projectId),
    queryFn: ({ signal }) => apiFetch(`/api/projects/${encodeURIComponent(projectId)}`, ProjectDetail, { signal }),
  });

export const projectChatsOptions = (projectId: string) =>
  infiniteQueryOptions({
    queryKey: consoleKeys.projectChats(projectId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PROJECT_CHAT_PAGE_SIZE), ...(pageParam ? { after: pageParam } : {}) });
      return apiFetch(`/api/projects/${encodeURIComponent(projectId)}/chats?${query.toString()}`, ProjectChatPage, { signal });
    },
    getNextPageParam: (page) => (page.hasMore ? (page.lastCursor ?? undefined) : undefined),
  });
