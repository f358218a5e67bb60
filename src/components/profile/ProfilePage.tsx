"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { PageHeader } from "../shell/PageHeader";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Section } from "../ui/Section";
import { Skeleton } from "../ui/Skeleton";
import { PasswordForm } from "./PasswordForm";
import { ProfileForm } from "./ProfileForm";
import { AccountDataSection } from "./AccountDataSection";
import { ApiTokensSection } from "./ApiTokensSection";
import { SessionsSection } from "./SessionsSection";

export function ProfilePage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.user.me.queryOptions());
  return (
    <>
      <PageHeader title="Profile" description="How you appear to the people you work with." />
      <div className="space-y-6">
        <Section id="profile" title="Your details">
          {me.isPending ? (
            <Skeleton className="h-48 w-full" />
          ) : me.error ? (
            <ErrorAlert error={me.error} />
          ) : (
            <ProfileForm key={me.data.id} user={me.data} />
          )}
        </Section>
        <Section id="password" title="Change password">
          <PasswordForm />
        </Section>
        <Section id="sessions" title="Sessions">
          <SessionsSection />
        </Section>
        <Section id="api-tokens" title="API tokens">
          <ApiTokensSection />
        </Section>
        <Section id="your-data" title="Your data">
          <AccountDataSection />
        </Section>
      </div>
    </>
  );
}
