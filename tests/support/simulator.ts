import { afterAll, beforeAll } from "vitest";
import { createComplianceClient, type ComplianceClient, type ComplianceClientOptions } from "@/lib/server/compliance/client";
import { startSimulator } from "@/lib/simulator/server";

export const FULL_KEY = "sk-ant-api01-simulator-full";
export const READONLY_KEY = "sk-ant-api01-simulator-readonly";
export const ADMIN_KEY = "sk-ant-admin01-simulator";

export type RunningSimulator = Awaited<ReturnType<typeof startSimulator>>;

/** A simulator of our own per test file, on a free port, reached over real HTTP like the real API. */
export function startTestSimulator(options: Parameters<typeof startSimulator>[0] = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, host: "127.0.0.1", dataset: "small", seed: 1, control: true, ...options });
}

/** A client for that simulator; retries keep their logic but wait milliseconds, not seconds. */
export function clientFor(simulator: RunningSimulator, overrides: Partial<ComplianceClientOptions> = {}) {
  return createComplianceClient({
    baseUrl: simulator.url,
    apiKey: FULL_KEY,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

type ErrorEnvelope = { type?: string; error?: { type?: string; message?: string }; request_id?: string };

/** A simulator and a client for it, started together and stopped together. */
export async function startSimulatorWithClient(options: Parameters<typeof startSimulator>[0] = {}) {
  const simulator = await startTestSimulator(options);
  const client = clientFor(simulator);
  return {
    simulator,
    client,
    stop: async () => {
      await client.close();
      await simulator.close();
    },
  };
}

/**
 * Registers the test file's hooks: a simulator and its client started before its tests, handed to
 * `onStart`, and both stopped after them.
 */
export function setUpSimulatorWithClient(
  options: Parameters<typeof startSimulator>[0],
  onStart: (started: { simulator: RunningSimulator; client: ComplianceClient }) => void,
): void {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startSimulatorWithClient(options);
    stop = started.stop;
    onStart(started);
  });
  afterAll(() => stop?.());
}

/** A raw request, for checking the simulator's answers to requests our client would refuse to send. */
export async function rawGet(simulator: RunningSimulator, pathAndQuery: string, key: string | null = FULL_KEY) {
  const response = await fetch(`${simulator.url}${pathAndQuery}`, { headers: key === null ? {} : { "x-api-key": key } });
  const text = await response.text();
  let body: ErrorEnvelope | null = null;
  try {
    body = JSON.parse(text) as ErrorEnvelope;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}
