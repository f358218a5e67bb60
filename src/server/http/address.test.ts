import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "./address";

const from = (headers: Record<string, string>) => clientAddress((name) => headers[name]);

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
  });

  it("takes the entry the nearest proxy wrote, not what the client claimed before it", () => {
    expect(from({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).toBe("203.0.113.9");
    process.env.TRUSTED_PROXIES = "2";
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" })).toBe("203.0.113.9");
    expect(from({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
  });

  it("treats anything that is not an address as unknown, and falls back to X-Real-IP", () => {
    expect(from({ "x-forwarded-for": "evil'; DROP TABLE users; --" })).toBeNull();
    expect(from({ "x-forwarded-for": "x".repeat(500) })).toBeNull();
    expect(from({ "x-real-ip": "198.51.100.1" })).toBe("198.51.100.1");
    expect(from({})).toBeNull();
  });
});
