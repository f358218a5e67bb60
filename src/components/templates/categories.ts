import type { RouterOutputs } from "~/trpc/react";

export type TemplateSummary = RouterOutputs["template"]["list"][number];
export type TemplateCategory = TemplateSummary["category"];

export const CATEGORY_LABELS: Record<TemplateCategory, string> = {
  HR: "People and HR",
  FINANCE: "Finance",
  CUSTOMER: "Customer",
  OPERATIONS: "Operations",
  SW_DEVELOPMENT: "Software development",
  HW_DEVELOPMENT: "Hardware development",
  MARKETING: "Marketing",
  DESIGN: "Design",
  CUSTOM: "Custom",
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as TemplateCategory[];
