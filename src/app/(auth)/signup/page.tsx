import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "~/components/auth/AuthCard";
import { SignupForm } from "~/components/auth/SignupForm";
import { safeFromPath } from "~/components/lib/safe-path";
import { getServerAuthSession } from "~/server/auth";

export const metadata: Metadata = { title: "Create account" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const from = safeFromPath((await searchParams).from);
  const session = await getServerAuthSession();
  if (session?.user?.id) redirect(from);
  const loginHref = from === "/dashboard" ? "/login" : `/login?from=${encodeURIComponent(from)}`;
  return (
    <AuthCard
      title="Create your account"
      subtitle="Map how work really flows through your organization."
      footer={
        <>
          Already have an account?{" "}
          <Link href={loginHref} className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm from={from} />
    </AuthCard>
  );
}
