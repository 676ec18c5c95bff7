import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/lib/simulator/server";

export const FULL = "sk-ant-api01-simulator-full";
export const READONLY = "sk-ant-api01-simulator-readonly";
export const ADMIN = "sk-ant-admin01-simulator";

/** A parsed response body: tests index into it freely and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted on, never trusted
export type Json = any;

export function start(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, dataset: "small", control: true, ...options });
}

export interface Res<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = Json>(
  sim: RunningSimulator,
  path: string,
  init: { method?: string; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Res<T>> {
  const key = init.key === undefined ? FULL : init.key;
  const response = await fetch(`${sim.url}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(key === null ? {} : { "x-api-key": key }), ...init.headers },
  });
  const text = await response.text();
  let body: Json = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const qs = (params: Record<string, string | number | string[]>): string => {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(item))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
};

/** Asserts the documented error envelope and returns the message. */
export function expectError(res: Res, status: number, type: string): string {
  if (res.status !== status || res.body?.error?.type !== type) {
    throw new Error(`expected ${status} ${type}, got ${res.status}: ${res.text.slice(0, 300)}`);
  }
  if (res.body.type !== "error" || res.body.request_id !== res.headers.get("request-id")) throw new Error(`bad envelope: ${res.text}`);
  return res.body.error.message as string;
}
