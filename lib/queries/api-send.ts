import { ApiRequestError } from "./api-fetch";

/** Sends a JSON mutation to one of Docket's routes; a refusal throws with the server's message and ids. */
export async function apiSend(url: string, method: "PUT" | "POST" | "DELETE", body: unknown): Promise<void> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body), cache: "no-store" });
  if (response.ok) return;
  const envelope = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; requestId?: string } } | null;
  throw new ApiRequestError(
    response.status,
    envelope?.error?.code ?? "http_error",
    envelope?.error?.message ?? `The request failed with status ${response.status}.`,
    envelope?.error?.requestId ?? response.headers.get("x-request-id"),
    null,
  );
}
