"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";

/** Ends every sign-in of this account, on every device and this one, then shows the sign-in page. */
export function SessionsSection() {
  const trpc = useTRPC();
  const everywhere = useMutation(
    trpc.user.signOutEverywhere.mutationOptions({
      onSuccess: () => signOut({ callbackUrl: "/login" }),
    }),
  );
  return (
    <div className="max-w-md space-y-3">
      <p className="text-sm text-slate-600">
        Lost a laptop, or signed in on a shared computer? This ends your sessions on every device, including this one. Changing your
        password ends the others too.
      </p>
      <ErrorAlert error={everywhere.error} />
      <Button variant="secondary" pending={everywhere.isPending || everywhere.isSuccess} onClick={() => everywhere.mutate()}>
        {everywhere.isPending || everywhere.isSuccess ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
