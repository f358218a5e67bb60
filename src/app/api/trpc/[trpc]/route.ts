import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { retryAfterMeta } from "~/server/api/errors";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { loggableError } from "~/server/http/log";
import { forgedOrigin, oversizeBody } from "~/server/http/security";
import { MAX_BATCH_PROCEDURES } from "~/trpc/limits";

/** A refusal before any procedure runs, in tRPC's error envelope so the client reads its message. */
function refuse(status: number, code: string, message: string) {
  return Response.json({ error: { json: { message, code: -32600, data: { code, httpStatus: status } } } }, { status });
}

function handler(req: NextRequest) {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const forged = forgedOrigin(req.method, req.headers.get("origin"), host);
  if (forged) return refuse(403, "FORBIDDEN", forged);
  const tooBig = oversizeBody(req.headers.get("content-length"));
  if (tooBig) return refuse(413, "PAYLOAD_TOO_LARGE", tooBig);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_PROCEDURES,
    createContext: () => createTRPCContext({ headers: req.headers }),
    responseMeta: retryAfterMeta,
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed: ${loggableError(error.cause ?? error)}`);
    },
  });
}

export { handler as GET, handler as POST };
