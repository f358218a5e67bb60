import { z } from "zod";

export const COMMENT_MAX_LENGTH = 5000;

/** Plain text; surrounding whitespace is dropped so a blank comment counts as empty. */
export const commentContentSchema = z
  .string()
  .trim()
  .min(1, "Comment cannot be empty")
  .max(COMMENT_MAX_LENGTH, "Comment must be at most 5,000 characters");

export const commentStatusSchema = z.enum(["open", "resolved", "all"]);
export type CommentStatus = z.infer<typeof commentStatusSchema>;
