import { queryOptions } from "@tanstack/react-query";
import { PersonDto, PersonList, type PersonAccessBody } from "@/lib/schemas/people";
import { apiFetch } from "./api-fetch";

export const peopleKeys = { all: ["people"] as const };

export const peopleOptions = () =>
  queryOptions({
    queryKey: peopleKeys.all,
    queryFn: ({ signal }) => apiFetch("/api/people", PersonList, { signal }),
  });

export type AccessChange = "disable" | "enable" | "revoke-sessions";

export function changeAccess(userId: string, change: AccessChange, body: PersonAccessBody): Promise<PersonDto> {
  return apiFetch(`/api/people/${encodeURIComponent(userId)}/${change}`, PersonDto, { method: "POST", body });
}
