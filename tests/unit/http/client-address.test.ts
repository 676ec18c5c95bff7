import { BlockList } from "node:net";
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/server/env";
import { clientAddressOf } from "@/lib/server/http/request-metadata";
import { VALID_SERVER_ENV } from "@/tests/support/server-env";

const proxies = (value: string) => parseServerEnv({ ...VALID_SERVER_ENV, DOCKET_TRUSTED_PROXIES: value }).DOCKET_TRUSTED_PROXIES;

describe("the client's address", () => {
  it("is the connection's when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    const none = new BlockList();
    expect(clientAddressOf("198.51.100.4", "203.0.113.66", none)).toBe("198.51.100.4");
    expect(clientAddressOf("::ffff:127.0.0.1", "203.0.113.66", none)).toBe("127.0.0.1");
    expect(clientAddressOf(null, "203.0.113.66", none)).toBeNull();
  });

  it("is read from X-Forwarded-For past the trusted proxies, from the right", () => {
    const trusted = proxies("10.0.0.0/8, 192.0.2.7, fd00::/8");
    expect(clientAddressOf("10.1.2.3", "203.0.113.66", trusted)).toBe("203.0.113.66");
    // The client's own claim sits left of what the proxies appended, and is not believed.
    expect(clientAddressOf("10.1.2.3", "6.6.6.6, 203.0.113.66, 192.0.2.7", trusted)).toBe("203.0.113.66");
    expect(clientAddressOf("fd00::1", "2001:db8::5", trusted)).toBe("2001:db8::5");
    // A hop that is no address ends the walk at the last trusted hop.
    expect(clientAddressOf("10.1.2.3", "203.0.113.66, not-an-ip", trusted)).toBe("10.1.2.3");
    // Only trusted proxies all the way: the leftmost one.
    expect(clientAddressOf("10.1.2.3", "10.9.9.9", trusted)).toBe("10.9.9.9");
    expect(clientAddressOf("10.1.2.3", null, trusted)).toBe("10.1.2.3");
    // A proxy not on the list is the client.
    expect(clientAddressOf("198.51.100.4", "203.0.113.66", trusted)).toBe("198.51.100.4");
  });

  it("refuses a trusted-proxy list it cannot read, naming the entry", () => {
    for (const entry of ["10.0.0.0/33", "proxy.acme.com", "10.0.0.0/", "fd00::/129", "1.2.3.4/8/9"]) {
      expect(() => proxies(entry), entry).toThrow(
        new RegExp(`DOCKET_TRUSTED_PROXIES entry "${entry.replace(/[./]/g, "\\$&")}" must be an IP address or a CIDR range`),
      );
    }
  });
});
