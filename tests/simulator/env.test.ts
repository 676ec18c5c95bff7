import { describe, expect, it } from "vitest";

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv;
import { EnvError, optionsFromEnv } from "@/lib/simulator/env";
import { IdCodec, Kind, PREFIX } from "@/lib/simulator/dataset/ids";
import { formatUs, parseRfc3339 } from "@/lib/simulator/dataset/time";
import { contentDisposition } from "@/lib/simulator/server";

describe("environment", () => {
  it("applies the documented defaults", () => {
    expect(optionsFromEnv(env({}))).toMatchObject({ port: 4010, seed: 1, rateLimitPerMinute: 600, dataset: "demo", faults: [], control: false });
  });

  it.each([
    [{ SIMULATOR_PORT: "70000" }, "SIMULATOR_PORT"],
    [{ SIMULATOR_SEED: "-1" }, "SIMULATOR_SEED"],
    [{ SIMULATOR_RATE_LIMIT: "0" }, "SIMULATOR_RATE_LIMIT"],
    [{ SIMULATOR_DATASET: "huge" }, "SIMULATOR_DATASET"],
    [{ SIMULATOR_FAULTS: "{not json" }, "SIMULATOR_FAULTS"],
    [{ SIMULATOR_FAULTS: '[{"fault":{"type":"explode"}}]' }, "SIMULATOR_FAULTS"],
    [{ SIMULATOR_CONTROL: "maybe" }, "SIMULATOR_CONTROL"],
  ])("names the bad variable in %o", (vars: Record<string, string>, name) => {
    expect(() => optionsFromEnv(env(vars))).toThrow(EnvError);
    expect(() => optionsFromEnv(env(vars))).toThrow(name);
  });

  it("reads fault rules and control", () => {
    const opts = optionsFromEnv(
      env({ SIMULATOR_FAULTS: '{"rules":[{"times":1,"fault":{"type":"status","status":529}}]}', SIMULATOR_CONTROL: "1", SIMULATOR_PORT: "0" }),
    );
    expect(opts.faults).toEqual([{ times: 1, fault: { type: "status", status: 529 } }]);
    expect(opts.control).toBe(true);
    expect(opts.port).toBe(0);
  });
});

describe("building blocks", () => {
  it("round-trips ids and rejects forged or foreign ones", () => {
    const ids = new IdCodec(3);
    const id = ids.tagged(PREFIX.chat, Kind.Chat, 123_456);
    expect(id).toMatch(/^claude_chat_01[1-9A-HJ-NP-Za-km-z]{22}$/);
    expect(ids.decodeTagged(PREFIX.chat, Kind.Chat, id)).toMatchObject({ a: 123_456 });
    expect(new IdCodec(4).decodeTagged(PREFIX.chat, Kind.Chat, id)).toBeNull();
    expect(ids.decodeTagged(PREFIX.chat, Kind.Chat, `${id.slice(0, -1)}${id.endsWith("z") ? "y" : "z"}`)).toBeNull();
    const uuid = ids.uuid(Kind.MessageUuid, 9, 9999);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.decodeUuid(Kind.MessageUuid, uuid)).toMatchObject({ a: 9, b: 9999 });
    expect(ids.decodeUuid(Kind.ChatUuid, uuid)).toBeNull();
  });

  it("parses RFC 3339 strictly", () => {
    expect(parseRfc3339("2026-04-10T08:09:10.123456+02:00")).toBe(Date.UTC(2026, 3, 10, 6, 9, 10) * 1000 + 123_456);
    expect(formatUs(parseRfc3339("2026-04-10T08:09:10Z")!)).toBe("2026-04-10T08:09:10.000000Z");
    for (const bad of ["2024-01-01", "2024-01-01T00:00:00", "2024-02-30T00:00:00Z", "yesterday", ""]) expect(parseRfc3339(bad)).toBeNull();
  });

  it("encodes every filename in RFC 5987 form", () => {
    expect(contentDisposition("plain.pdf")).toBe("attachment; filename*=utf-8''plain.pdf");
    expect(contentDisposition(`"a"; b (1)*'.txt`)).toBe("attachment; filename*=utf-8''%22a%22%3B%20b%20%281%29%2A%27.txt");
    expect(contentDisposition("契約.pdf")).toBe("attachment; filename*=utf-8''%E5%A5%91%E7%B4%84.pdf");
  });
});
