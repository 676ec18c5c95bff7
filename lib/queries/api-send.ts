import { toApiRequestError } from "./api-fetch";

/** Sends a JSON mutation to one of Docket's routes; a refusal throws with the server's message and ids. */
export async function apiSend(url: string, method: "PUT" | "POST" | "DELETE", body: unknown): Promise<void> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body), cache: "no-store" });
  if (!response.ok) throw toApiRequestError(response, await response.json().catch(() => null));
}
