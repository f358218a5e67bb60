import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "~/components/auth/AuthCard";
import { DemoHint } from "~/components/auth/DemoHint";
import { LoginForm } from "~/components/auth/LoginForm";
import { safeFromPath } from "~/components/lib/safe-path";
import { getServerAuthSession } from "~/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const from = safeFromPath((await searchParams).from);
  const session = await getServerAuthSession();
  if (session?.user?.id) redirect(from);
  const signupHref = from === "/dashboard" ? "/signup" : `/signup?from=${encodeURIComponent(from)}`;
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Pick up where your team left off."
      footer={
        <>
          New to FlowMatrix?{" "}
          <Link href={signupHref} className="font-medium text-brand-700 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm from={from} />
      <DemoHint />
    </AuthCard>
  );
}
