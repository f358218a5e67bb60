import { z } from "zod";
import { descriptionSchema, projectNameSchema } from "~/domain/schemas";
import { createTRPCRouter, orgProcedure, projectProcedure } from "~/server/api/trpc";
import { templateCategory } from "~/server/db/schema";
import {
  deleteTemplate,
  getTemplate,
  listTemplates,
  saveTemplateFromProject,
  updateTemplate,
  useTemplate,
} from "~/server/services/templates";

const templateId = z.object({ templateId: z.uuid("templateId must be a UUID") });

const fields = {
  name: z.string().trim().min(1, "Name is required").max(255, "Name must be at most 255 characters"),
  description: descriptionSchema.transform((v) => v || null),
  category: z.enum(templateCategory.enumValues),
  tags: z
    .array(z.string().trim().toLowerCase().min(1, "Tags cannot be empty").max(40, "A tag must be at most 40 characters"))
    .max(20, "At most 20 tags")
    .transform((tags) => [...new Set(tags)]),
};

export const templateRouter = createTRPCRouter({
  list: orgProcedure("MEMBER")
    .input(
      z.object({
        category: z.enum(templateCategory.enumValues).optional(),
        tag: z.string().trim().max(40).optional(),
        search: z.string().max(100).optional(),
      }),
    )
    .query(({ ctx, input }) => listTemplates(ctx, input)),

  get: orgProcedure("MEMBER")
    .input(templateId)
    .query(({ ctx, input }) => getTemplate(ctx, input)),

  use: orgProcedure("MEMBER")
    .input(templateId.extend({ name: projectNameSchema }))
    .mutation(({ ctx, input }) => useTemplate(ctx, input)),

  saveFromProject: projectProcedure("EDITOR")
    .input(z.object({ ...fields, description: fields.description.optional().transform((v) => v ?? null) }))
    .mutation(({ ctx, input }) => saveTemplateFromProject(ctx, input)),

  update: orgProcedure("ADMIN")
    .input(templateId.extend(z.object(fields).partial().shape))
    .mutation(({ ctx, input }) => updateTemplate(ctx, input)),

  delete: orgProcedure("ADMIN")
    .input(templateId)
    .mutation(({ ctx, input }) => deleteTemplate(ctx, input)),
});
