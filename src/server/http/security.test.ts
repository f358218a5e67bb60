import { describe, expect, it } from "vitest";
import { forgedOrigin, MAX_BODY_BYTES, oversizeBody, pagePolicy } from "./security";

describe("forgedOrigin", () => {
  it("lets reads through whatever their origin", () => {
    expect(forgedOrigin("GET", "https://evil.example", "app.example")).toBeNull();
    expect(forgedOrigin("head", "https://evil.example", "app.example")).toBeNull();
  });

  it("lets a write from this site, or without an Origin (not a browser), through", () => {
    expect(forgedOrigin("POST", "https://app.example", "app.example")).toBeNull();
    expect(forgedOrigin("POST", "http://localhost:3000", "LOCALHOST:3000")).toBeNull();
    expect(forgedOrigin("POST", null, "app.example")).toBeNull();
  });

  it("refuses a write from another site, another port, or an Origin that is not a URL", () => {
    expect(forgedOrigin("POST", "https://evil.example", "app.example")).toBe("Requests from other sites may not change data here");
    expect(forgedOrigin("POST", "http://localhost:9999", "localhost:3000")).not.toBeNull();
    expect(forgedOrigin("DELETE", "null", "app.example")).toBe("The request's Origin header is not a URL");
    expect(forgedOrigin("POST", "https://app.example", null)).not.toBeNull();
  });
});

describe("oversizeBody", () => {
  it("refuses a declared length above the cap, with the cap in words", () => {
    expect(oversizeBody(String(MAX_BODY_BYTES + 1))).toBe("The request is larger than 50 MB");
    expect(oversizeBody(String(MAX_BODY_BYTES))).toBeNull();
    expect(oversizeBody(null)).toBeNull();
    expect(oversizeBody("lots")).toBe("The request's Content-Length is not a size");
  });
});

describe("pagePolicy", () => {
  it("allows scripts only with the nonce, no eval in production, and no framing", () => {
    const policy = pagePolicy({ nonce: "abc123", dev: false, https: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval in development only, and upgrades requests only over https", () => {
    expect(pagePolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(pagePolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
});
