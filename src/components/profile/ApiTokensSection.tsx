"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { SelectField } from "../ui/SelectField";

type Token = RouterOutputs["token"]["list"][number];

const when = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString("en", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }) : "never";

/**
 * Personal API tokens for the REST API (/api/v1): one organization each, read or write. The
 * token is shown once, right after it is made; only its first characters are kept in view.
 */
export function ApiTokensSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.token.list.queryOptions());
  const orgs = useQuery(trpc.org.list.queryOptions());
  const [name, setName] = useState("");
  const [organizationId, setOrganizationId] = useState("");
  const [scope, setScope] = useState<"READ" | "WRITE">("READ");
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: () => {
        setName("");
        setCopied(false);
        return refreshQueries(queryClient, trpc.token.list.pathFilter());
      },
    }),
  );
  const revoke = useMutation(
    trpc.token.revoke.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.token.list.pathFilter());
        setRevoking(null);
      },
    }),
  );
  const orgList = orgs.data ?? [];
  const chosenOrg = organizationId || orgList[0]?.id || "";

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Systems that record the work (an ERP, a ticket tool, a script) can read your process maps and report runs through the{" "}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          REST API
        </a>
        . A token acts as you, in one organization; a read token cannot change anything.
      </p>
      {create.data && (
        <Alert tone="success">
          <p className="font-medium">Copy the token now: it is not shown again.</p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-emerald-200">
              {create.data.token}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(create.data.token).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Alert>
      )}
      {tokens.isPending ? (
        <p className="text-sm text-slate-500" role="status">
          Loading tokens…
        </p>
      ) : tokens.error ? (
        <ErrorAlert error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <ul aria-label="API tokens" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {tokens.data.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{t.name}</span>{" "}
                <span className="text-xs text-slate-500">
                  {t.scope === "WRITE" ? "read and write" : "read only"} · {t.organizationName} · <code>{t.prefix}…</code>
                </span>
                <span className="block text-xs text-slate-500">
                  Made {when(t.createdAt)} · last used {when(t.lastUsedAt)}
                </span>
              </span>
              <Button size="sm" variant="secondary" onClick={() => setRevoking(t)}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="New API token"
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ organizationId: chosenOrg, name: name.trim(), scope });
        }}
      >
        <Field label="Token name" placeholder="ERP integration" value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label="Organization" value={chosenOrg} onChange={(e) => setOrganizationId(e.target.value)}>
          {orgList.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Access" value={scope} onChange={(e) => setScope(e.target.value as "READ" | "WRITE")}>
          <option value="READ">Read only</option>
          <option value="WRITE">Read and write</option>
        </SelectField>
        <div className="sm:col-span-3">
          <Button type="submit" pending={create.isPending} disabled={!name.trim() || !chosenOrg}>
            {create.isPending ? "Making…" : "Make token"}
          </Button>
        </div>
      </form>
      <ErrorAlert error={create.error} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ tokenId: revoking.id })}
        title="Revoke this token?"
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={revoke.error}
      >
        Whatever uses “{revoking?.name}” stops working at once. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
