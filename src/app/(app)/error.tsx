"use client";

import { Button } from "~/components/ui/Button";
import { EmptyState } from "~/components/ui/EmptyState";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <EmptyState icon="alert" title="Something went wrong" action={<Button onClick={reset}>Try again</Button>}>
        The page could not be shown. Try again, and if it keeps happening, reload the page.
      </EmptyState>
    </main>
  );
}
