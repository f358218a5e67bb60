import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "~/server/http/security";

/**
 * Gives each page response a fresh script nonce in its Content-Security-Policy: Next.js reads
 * the policy from the request header and stamps its own scripts with the nonce. API routes do
 * not pass through here (their headers are static, in next.config.mjs), so their bodies are
 * not buffered twice.
 */
export function proxy(request: NextRequest) {
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = pagePolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, not static files, not link prefetches.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
