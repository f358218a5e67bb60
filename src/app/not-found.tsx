import { ButtonLink } from "~/components/ui/ButtonLink";
import { Logo } from "~/components/ui/Logo";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <Logo />
      <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-600">The page you are looking for does not exist or has moved.</p>
      <ButtonLink href="/dashboard" variant="primary" className="mt-6">
        Go to dashboard
      </ButtonLink>
    </main>
  );
}
