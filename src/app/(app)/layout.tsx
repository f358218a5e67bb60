import { Suspense } from "react";
import { TopBar } from "~/components/shell/TopBar";
import { TopBarFrame } from "~/components/shell/TopBarFrame";
import { getServerAuthSession } from "~/server/auth";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getServerAuthSession();
  // A layout cannot see the path, so signed-out visitors are sent to /login by each page's
  // requireSessionUser(path), which keeps where they were going in ?from=.
  if (!session?.user?.id) return children;
  return (
    <>
      <Suspense fallback={<TopBarFrame />}>
        <TopBar user={{ name: session.user.name, email: session.user.email }} />
      </Suspense>
      {children}
    </>
  );
}
