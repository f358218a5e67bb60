"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Section } from "../ui/Section";
import { refreshQueries } from "../lib/refresh";

export function LeaveOrgSection({ organizationId, orgName }: { organizationId: string; orgName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation(
    trpc.org.members.leave.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.org.list.pathFilter());
        router.push("/dashboard");
      },
    }),
  );
  return (
    <Section
      id="leave"
      title="Leave organization"
      tone="danger"
      description="You will lose access to its projects. An admin can invite you again."
    >
      <Button
        variant="dangerOutline"
        onClick={() => {
          leave.reset();
          setConfirming(true);
        }}
      >
        Leave organization
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => leave.mutate({ organizationId })}
        title={`Leave ${orgName}?`}
        confirmLabel="Leave organization"
        pendingLabel="Leaving…"
        pending={leave.isPending}
        error={leave.error}
      >
        You will no longer see {orgName} or any of its projects.
      </ConfirmDialog>
    </Section>
  );
}
