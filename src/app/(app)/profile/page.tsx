import type { Metadata } from "next";
import { ProfilePage } from "~/components/profile/ProfilePage";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Profile" };

export default async function Profile() {
  await requireSessionUser("/profile");
  return (
    <PageContainer width="narrow">
      <ProfilePage />
    </PageContainer>
  );
}
