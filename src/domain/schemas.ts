import { z } from "zod";
import { ORG_ROLES, PROJECT_ROLES } from "./roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(255, "Email must be at most 255 characters"));

/** bcrypt reads the first 72 bytes of a password and ignores the rest, so longer ones are refused rather than silently cut. */
export const MAX_PASSWORD_BYTES = 72;

export const passwordSchema = z
  .string()
  .min(10, "Password must be at least 10 characters")
  .refine(
    (password) => new TextEncoder().encode(password).length <= MAX_PASSWORD_BYTES,
    `Password must be at most ${MAX_PASSWORD_BYTES} bytes (72 plain letters or digits; accented letters and emoji take more)`,
  );

export const personNameSchema = z.string().trim().min(1, "Name is required").max(255, "Name must be at most 255 characters");

export const avatarUrlSchema = z
  .union([z.literal(""), z.url("Avatar URL must be a full http(s) URL").max(500)])
  .transform((v) => (v === "" ? null : v))
  .refine((v) => v === null || /^https?:\/\//.test(v), "Avatar URL must start with http:// or https://");

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Slug may contain lowercase letters, digits and single dashes");

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour must look like #1a2b3c");

export const axisNameSchema = z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters");

export const axisDefaultSchema = z.object({ name: axisNameSchema, color: colorSchema });

export const axisListSchema = z
  .array(axisDefaultSchema)
  .max(30, "At most 30 lanes")
  .refine((list) => new Set(list.map((a) => a.name.toLowerCase())).size === list.length, "Lane names must be unique");

export const orgRoleSchema = z.enum(ORG_ROLES);
export const projectRoleSchema = z.enum(PROJECT_ROLES);

export const signUpInput = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });

export const orgNameSchema = z.string().trim().min(2, "Name must be at least 2 characters").max(255, "Name must be at most 255 characters");

export const projectNameSchema = z.string().trim().min(1, "Name is required").max(255, "Name must be at most 255 characters");

export const descriptionSchema = z.string().trim().max(5000, "Description must be at most 5000 characters");

/** "Customer Onboarding!" -> "customer-onboarding"; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "untitled";
}
