import type { OrganizationSettings } from "~/server/db/schema";

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  departments: [
    { name: "Sales", color: "#3b82f6" },
    { name: "Operations", color: "#10b981" },
    { name: "Finance", color: "#f59e0b" },
    { name: "IT", color: "#8b5cf6" },
  ],
  stages: [
    { name: "Request", color: "#64748b" },
    { name: "Review", color: "#0ea5e9" },
    { name: "Execute", color: "#14b8a6" },
    { name: "Deliver", color: "#22c55e" },
  ],
  theme_color: "#0ea5e9",
  max_projects: 100,
  max_members: 50,
  trash_retention_days: 30,
};
