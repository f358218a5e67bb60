import { ButtonLink } from "../ui/ButtonLink";
import { EmptyState } from "../ui/EmptyState";

export function ProjectNotFound() {
  return (
    <EmptyState
      icon="search"
      title="Project not found"
      action={
        <ButtonLink href="/dashboard" variant="primary">
          Back to dashboard
        </ButtonLink>
      }
    >
      It may have been deleted or moved, or you do not have access to it. Ask a project owner to share it with you.
    </EmptyState>
  );
}
