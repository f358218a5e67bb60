import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getServerAuthSession } from "~/server/auth";

/** The signed-in user's id for server components; signed-out visitors go to /login. */
export const requireSessionUser = cache(async (from?: string) => {
  const session = await getServerAuthSession();
  if (!session?.user?.id) redirect(from ? `/login?from=${encodeURIComponent(from)}` : "/login");
  return session.user;
});
