import { getDb } from "~/server/db";
import { handleRest } from "~/server/rest";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ path: string[] }> };

/** The REST API (src/server/rest): one handler for every endpoint under /api/v1. */
async function handle(request: Request, { params }: Params) {
  const { path } = await params;
  return handleRest(await getDb(), request, `/${path.join("/")}`);
}

export const GET = handle;
export const POST = handle;
