import { Badge } from "../ui/Badge";
import { Icon } from "../ui/Icon";

export function ReadOnlyBadge() {
  return (
    <Badge tone="amber" data-testid="read-only-badge" title="You can view this project but not change it">
      <Icon name="lock" className="size-3" />
      Read-only
    </Badge>
  );
}
