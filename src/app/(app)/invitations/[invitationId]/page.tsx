import type { Metadata } from "next";
import { InvitationAnswer } from "~/components/invitations/InvitationAnswer";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  // Signed out, the link leads to sign-in (or sign-up from there) and back here.
  const user = await requireSessionUser(`/invitations/${encodeURIComponent(invitationId)}`);
  return (
    <PageContainer width="narrow">
      <InvitationAnswer invitationId={invitationId} signedInAs={user.email ?? ""} />
    </PageContainer>
  );
}
