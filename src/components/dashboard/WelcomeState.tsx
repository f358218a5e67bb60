import { CreateOrgForm } from "../shell/CreateOrgForm";
import { Card } from "../ui/Card";
import { Icon } from "../ui/Icon";

export function WelcomeState({ userName }: { userName: string }) {
  const firstName = userName.trim().split(/\s+/)[0] || "there";
  return (
    <div className="mx-auto max-w-xl py-8">
      <div className="text-center">
        <span className="inline-flex size-14 items-center justify-center rounded-2xl bg-brand-50 text-brand-600">
          <Icon name="building" className="size-7" />
        </span>
        <h1 className="mt-5 text-2xl font-semibold tracking-tight text-slate-900">Welcome to FlowMatrix, {firstName}!</h1>
        <p className="mt-2 text-slate-600">
          Start by creating your organization. You can then map processes across its departments and stages, and invite your team.
        </p>
      </div>
      <Card className="mt-8 p-6">
        <h2 className="text-base font-semibold text-slate-900">Create your organization</h2>
        <p className="mt-1 mb-5 text-sm text-slate-500">Usually your company or team name.</p>
        <CreateOrgForm autoFocus />
      </Card>
    </div>
  );
}
