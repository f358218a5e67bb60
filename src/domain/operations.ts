import { z } from "zod";
import { parseEstimate } from "./duration";
import { AXES, BRAIN_USAGES, NODE_STATUSES, NODE_TYPES, RELATION_TYPES, type AxisFields, type EdgeFields, type NodeFields } from "./graph";
import { axisNameSchema, colorSchema } from "./schemas";

const durationField = (what: string) =>
  z
    .string()
    .trim()
    .nullable()
    .transform((v) => (v === "" ? null : v))
    .superRefine((value, ctx) => {
      if (value === null) return;
      const parsed = parseEstimate(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `${what}: ${parsed.error}` });
    });

const shortText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .nullable()
    .transform((v) => (v === "" ? null : v));

const tagList = (max: number, what: string) =>
  z
    .array(z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} must be at most ${max} characters`))
    .max(50, `At most 50 ${what.toLowerCase()}s`);

export const nodeFieldSchemas = {
  label: z.string().trim().min(1, "Label is required").max(255, "Label must be at most 255 characters"),
  description: shortText(5000, "Description"),
  type: z.enum(NODE_TYPES),
  status: z.enum(NODE_STATUSES),
  progress: z.number().int("Progress must be a whole number").min(0).max(100, "Progress must be 0-100"),
  x: z.number(),
  y: z.number(),
  departmentId: z.uuid().nullable(),
  stageId: z.uuid().nullable(),
  avgTime: durationField("Average time"),
  tools: tagList(100, "Tool"),
  isRepetitive: z.boolean(),
  brainUsage: z.enum(BRAIN_USAGES),
  assignee: shortText(255, "Assignee"),
  tags: tagList(50, "Tag"),
  pca: z.number().int("%C&A must be a whole number").min(0, "%C&A must be 0-100").max(100, "%C&A must be 0-100"),
  external: z.boolean(),
} satisfies { [K in keyof NodeFields]: z.ZodType<NodeFields[K], unknown> };

export const edgeFieldSchemas = {
  relationType: z.enum(RELATION_TYPES),
  lagTime: durationField("Lag"),
  lagWorking: z.boolean(),
  frequency: z.number().min(0, "Frequency cannot be negative").max(1000, "Frequency must be at most 1000"),
  condition: shortText(500, "Condition"),
} satisfies { [K in keyof EdgeFields]: z.ZodType<EdgeFields[K], unknown> };

export const axisFieldSchemas = {
  name: axisNameSchema,
  color: colorSchema,
  // An integer column: anything larger could not be stored.
  position: z.number().int().min(0, "Position must be 0 or more").max(2_147_483_647, "Position must be at most 2147483647"),
} satisfies { [K in keyof AxisFields]: z.ZodType<AxisFields[K], unknown> };

const nodeFields = z.object(nodeFieldSchemas);
const edgeFields = z.object(edgeFieldSchemas);
const axisFields = z.object(axisFieldSchemas);

type CasPatch = { set?: unknown; expect?: unknown };
const setKeys = (p: CasPatch) => Object.keys(p.set as object);

/** A compare-and-set update: `expect` must name the current value of every field in `set`. */
function update<Op extends string, T extends z.ZodRawShape, Extra extends z.ZodRawShape>(op: Op, shape: T, extra: Extra) {
  const partial = z.object(shape).partial().strict();
  return z
    .object({ op: z.literal(op), ...extra, set: partial, expect: partial })
    .refine((p: CasPatch) => setKeys(p).length > 0, { message: "Nothing to change", path: ["set"] })
    .refine((p: CasPatch) => setKeys(p).every((k) => k in (p.expect as object)), {
      message: "expect must give the current value of every field in set",
      path: ["expect"],
    });
}

const id = z.uuid();
const axis = z.enum(AXES);

export const operationSchema = z.discriminatedUnion("op", [
  // Fields added after the first release default, so older clients and files still create steps.
  z.object({
    op: z.literal("createNode"),
    node: nodeFields.extend({ id, pca: nodeFieldSchemas.pca.default(100), external: nodeFieldSchemas.external.default(false) }),
  }),
  update("updateNode", nodeFieldSchemas, { id }),
  z.object({ op: z.literal("deleteNode"), id }),
  z.object({
    op: z.literal("createEdge"),
    edge: edgeFields.extend({ id, sourceId: id, targetId: id, lagWorking: edgeFieldSchemas.lagWorking.default(false) }),
  }),
  update("updateEdge", edgeFieldSchemas, { id }),
  z.object({ op: z.literal("deleteEdge"), id }),
  z.object({ op: z.literal("createAxis"), axis, item: axisFields.extend({ id }) }),
  update("updateAxis", axisFieldSchemas, { axis, id }),
  z.object({ op: z.literal("deleteAxis"), axis, id, moveNodesTo: id.nullable() }),
]);

export type Operation = z.output<typeof operationSchema>;

export const MAX_BATCH = 5000;

/** How many undo (and redo) steps each person keeps per project, in the browser and on the server. */
export const UNDO_DEPTH = 100;

const entryId = z.string().min(8, "entryId is too short").max(100, "entryId is too long");

/**
 * Where a batch sits in its author's undo history: "do" is a new edit (one undo step, and the
 * redo stack is cleared), "undo"/"redo" name the entry they take off that stack. Batches
 * without it (imports, templates) leave everyone's history alone.
 */
export const historySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("do") }),
  z.object({ kind: z.enum(["undo", "redo"]), entryId }),
]);

export const batchSchema = z.object({
  clientOpId: z.string().min(8, "clientOpId is too short").max(100, "clientOpId is too long"),
  ops: z.array(operationSchema).min(1, "A batch needs at least one operation").max(MAX_BATCH, `At most ${MAX_BATCH} operations per batch`),
  history: historySchema.optional(),
});

export type Batch = z.output<typeof batchSchema>;
export type BatchHistory = z.output<typeof historySchema>;

/**
 * One step of a person's undo or redo stack. `id` is the client op id of the batch that put
 * it there; undoing applies `inverse`, and the undo batch's own inverse becomes the redo entry.
 */
export type HistoryEntry = { id: string; ops: Operation[]; inverse: Operation[] };
export type EditorHistory = { undo: HistoryEntry[]; redo: HistoryEntry[] };

export type NodePatch = Partial<NodeFields>;
export type EdgePatch = Partial<EdgeFields>;
