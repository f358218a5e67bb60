import Link from "next/link";
import { Card } from "../ui/Card";
import { Logo } from "../ui/Logo";

type AuthCardProps = { title: string; subtitle: string; footer: React.ReactNode; children: React.ReactNode };

export function AuthCard({ title, subtitle, footer, children }: AuthCardProps) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-500">
        <Logo />
      </Link>
      <Card className="w-full max-w-sm p-6 sm:p-8">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </Card>
      <p className="mt-6 text-sm text-slate-600">{footer}</p>
    </main>
  );
}
