/**
 * Activity log rows in words. Pure: the feed, the CSV export and the tests all read entries
 * through this, so "what happened" is phrased in one place. It only trusts `details` loosely
 * (rows outlive the code that wrote them), and falls back to a plain "updated a step" rather
 * than throwing on a shape it does not know.
 */
export type ActivityChange = { field: string; from: string; to: string };

export type DescribeInput = {
  action: string;
  entityType: string;
  details: unknown;
  /** For MEMBER rows: the name of the person the entry is about (entityId is their user id). */
  subjectName?: string | null;
};

/** `parts`: for an entry about several entities (one batch), each of them in words. */
export type Description = {
  summary: string;
  changes: ActivityChange[];
  parts: { summary: string; changes: ActivityChange[] }[];
  /** How many entities the entry is about when it lists parts (it lists at most 100). */
  partsTotal: number;
};

type Details = {
  label?: unknown;
  name?: unknown;
  source?: unknown;
  target?: unknown;
  relationType?: unknown;
  fields_changed?: unknown;
  old_value?: unknown;
  new_value?: unknown;
  from?: unknown;
  to?: unknown;
};

const FIELD_LABELS: Record<string, string> = {
  label: "name",
  name: "name",
  description: "description",
  type: "type",
  status: "status",
  progress: "progress",
  avgTime: "average time",
  tools: "tools",
  isRepetitive: "repetitive",
  brainUsage: "brain usage",
  assignee: "assignee",
  tags: "tags",
  pca: "%C&A",
  external: "external",
  relationType: "type",
  lagTime: "lag",
  lagWorking: "wait in working time",
  frequency: "frequency",
  condition: "condition",
  color: "color",
  position: "position",
  role: "role",
  cell: "place",
};

const RELATIONS: Record<string, string> = { REQUIRES: "requires", BLOCKS: "blocks", FEEDBACK_TO: "feedback loop" };
/** Positions and lane ids say nothing to a reader; a move is shown as its cell names instead. */
const HIDDEN_FIELDS = new Set(["x", "y", "departmentId", "stageId", "deletedBy", "deletedAt"]);
const ENUM_FIELDS = new Set(["type", "status", "brainUsage", "role"]);
const MAX_VALUE = 80;

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

const quote = (value: unknown, fallback = "a step") => {
  const s = text(value);
  return s ? `'${truncate(s)}'` : fallback;
};

function truncate(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE - 1)}…` : flat;
}

const humanEnum = (value: string) => value.toLowerCase().replace(/_/g, " ");

/** How one stored value reads in a sentence or on a chip; "" means "no value". */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.map((v) => formatValue(field, v)).join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (field === "progress" && typeof value === "number") return `${value}%`;
  if (field === "position" && typeof value === "number") return String(value + 1);
  if (field === "relationType" && typeof value === "string") return RELATIONS[value] ?? humanEnum(value);
  if (ENUM_FIELDS.has(field) && typeof value === "string") return humanEnum(value);
  if (typeof value === "string") return truncate(value);
  if (typeof value === "number") return String(value);
  return truncate(JSON.stringify(value));
}

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** "a", "a and b", "a, b and c" */
function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function changesOf(d: Details): ActivityChange[] {
  const fields = Array.isArray(d.fields_changed) ? d.fields_changed.filter((f): f is string => typeof f === "string") : [];
  const before = record(d.old_value);
  const after = record(d.new_value);
  const changes = fields
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .map((f) => ({ field: fieldLabel(f), key: f, from: formatValue(f, before[f]), to: formatValue(f, after[f]) }));
  if (text(d.from) || text(d.to))
    changes.unshift({ field: fieldLabel("cell"), key: "cell", from: text(d.from) ?? "", to: text(d.to) ?? "" });
  return changes.map(({ field, from, to }) => ({ field, from, to }));
}

/**
 * One changed field in words: "changed the average time of 'X' from 2h to 3h", "set ... to",
 * "cleared ...". Several fields: "changed the status and progress of 'X'" (values on chips).
 */
function updateSentence(changes: ActivityChange[], of: string): string {
  if (changes.length === 0) return `updated ${of}`;
  if (changes.length > 1) {
    const names = changes.map((c) => c.field);
    const shown = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} more fields`] : names;
    return `changed the ${listWords(shown)} of ${of}`;
  }
  const [c] = changes as [ActivityChange];
  if (c.field === "repetitive") return `marked ${of} as ${c.to === "yes" ? "repetitive" : "not repetitive"}`;
  if (!c.from) return `set the ${c.field} of ${of} to ${c.to}`;
  if (!c.to) return `cleared the ${c.field} of ${of}`;
  return `changed the ${c.field} of ${of} from ${c.from} to ${c.to}`;
}

function describeNode(action: string, d: Details, changes: ActivityChange[]): string {
  const label = quote(d.label);
  if (action === "CREATE") return `added the step ${label}`;
  if (action === "DELETE") return `deleted the step ${label}`;
  if (action === "RESTORE") return `restored the step ${label}`;
  const cell = changes.find((c) => c.field === fieldLabel("cell"));
  if (action === "MOVE") return cell ? `moved ${label} from ${cell.from} to ${cell.to}` : `repositioned ${label}`;
  const oldLabel = record(d.old_value).label;
  if (changes.length === 1 && changes[0]!.field === "name") return `renamed the step ${quote(oldLabel)} to ${label}`;
  return updateSentence(changes, label);
}

function describeEdge(action: string, d: Details, changes: ActivityChange[]): string {
  const source = quote(d.source, "a deleted step");
  const target = quote(d.target, "a deleted step");
  const relation = typeof d.relationType === "string" ? ` (${formatValue("relationType", d.relationType)})` : "";
  if (action === "CREATE") return `connected ${source} to ${target}${relation}`;
  if (action === "DELETE") return `disconnected ${source} from ${target}${relation}`;
  return updateSentence(changes, `the connection ${source} → ${target}`);
}

function describeLane(noun: string, action: string, d: Details, changes: ActivityChange[]): string {
  const name = quote(d.name, "a lane");
  if (action === "CREATE") return `added the ${noun} ${name}`;
  if (action === "DELETE") return `deleted the ${noun} ${name}`;
  const oldName = record(d.old_value).name;
  if (changes.length === 1 && changes[0]!.field === "name") return `renamed the ${noun} ${quote(oldName, "a lane")} to ${name}`;
  return updateSentence(changes, `the ${noun} ${name}`);
}

function describeProject(action: string, d: Details, changes: ActivityChange[]): string {
  const fields = Array.isArray(d.fields_changed) ? d.fields_changed : [];
  const after = record(d.new_value);
  if (action === "CREATE") return `created the project ${quote(after.name, "")}`.trimEnd();
  if (action === "ARCHIVE") return "archived the project";
  if (action === "DELETE") return "moved the project to the trash";
  if (action === "RESTORE") return fields.includes("status") ? "unarchived the project" : "restored the project from the trash";
  if (action === "EXPORT") return "exported the project";
  if (action === "IMPORT") return "imported into the project";
  if (changes.length === 1 && fields[0] === "name")
    return `renamed the project from ${quote(record(d.old_value).name, "?")} to ${quote(after.name, "?")}`;
  if (changes.length === 1 && fields[0] === "description")
    return after.description ? "changed the project description" : "cleared the project description";
  return changes.length ? `changed the project ${listWords(changes.map((c) => c.field))}` : "updated the project";
}

function describeMember(action: string, d: Details, subjectName: string | null | undefined): string {
  const before = record(d.old_value);
  const after = record(d.new_value);
  const who = text(subjectName) ?? text(after.email) ?? "a former member";
  const role = (value: unknown) => (typeof value === "string" ? formatValue("role", value) : "member");
  if (action === "SHARE" && after.accepted_invitation) {
    const by = text(after.invited_by_name);
    return `joined the project as ${role(after.role)}${by ? `, invited by ${by}` : ""}`;
  }
  if (action === "SHARE" || action === "CREATE") return `added ${who} as ${role(after.role)}`;
  if (action === "DELETE") return `removed ${who} (${role(before.role)}) from the project`;
  if (before.role || after.role) return `changed ${who}'s role from ${role(before.role)} to ${role(after.role)}`;
  return `updated ${who}'s membership`;
}

const VERBS: Record<string, string> = {
  CREATE: "created",
  UPDATE: "updated",
  MOVE: "moved",
  DELETE: "deleted",
  RESTORE: "restored",
  ARCHIVE: "archived",
  EXPORT: "exported",
  IMPORT: "imported",
  SHARE: "shared",
};

/** Entity kinds other modules log with shapes this module does not know yet (comments, versions). */
function describeOther(action: string, entityType: string, d: Record<string, unknown>): string {
  const verb = VERBS[action] ?? humanEnum(action);
  const noun = humanEnum(entityType);
  const number = d.versionNumber ?? d.version_number ?? d.number;
  if (entityType === "VERSION") {
    const name = typeof number === "number" ? `version ${number}` : "a version";
    const note = text(d.comment);
    if (action === "CREATE") return `saved ${name}${note ? ` (${quote(note)})` : ""}`;
    return `${verb} ${name}`;
  }
  if (entityType === "COMMENT") {
    const on = text(d.step) ?? text(d.label) ?? text(d.nodeLabel) ?? text(d.node_label);
    const onStep = on !== null || Boolean(text(d.node_id));
    const where = on ? `on '${truncate(on)}'` : onStep ? "on a deleted step" : "on the project";
    if (action === "CREATE") return text(d.parent_id) ? `replied ${where}` : `commented ${where}`;
    return `${verb} a comment ${where}`;
  }
  const name = text(d.name) ?? text(d.label);
  return `${verb} ${name ? `the ${noun} '${truncate(name)}'` : `a ${noun}`}`;
}

const NOUNS: Record<string, [one: string, many: string]> = {
  NODE: ["step", "steps"],
  EDGE: ["connection", "connections"],
  DEPARTMENT: ["department", "departments"],
  STAGE: ["stage", "stages"],
};

type Group = { count: number; items: Record<string, unknown>[]; to: string | null };

/** An entry about several entities of one batch (graph/activity.ts groupEntry), or null. */
function groupOf(d: Record<string, unknown>): Group | null {
  if (typeof d.count !== "number" || !Array.isArray(d.items)) return null;
  return { count: d.count, items: d.items.map(record), to: text(d.to) };
}

/** "moved 3 steps to Legal / Review", "rearranged 23 steps", "changed the status of 4 steps". */
function describeGroup(entry: DescribeInput, group: Group): Description {
  const [one, many] = NOUNS[entry.entityType] ?? [humanEnum(entry.entityType), `${humanEnum(entry.entityType)}s`];
  const things = `${group.count} ${group.count === 1 ? one : many}`;
  const parts = group.items.map((item) => {
    const { summary, changes } = describeActivity({ action: entry.action, entityType: entry.entityType, details: item });
    return { summary, changes };
  });
  const fieldSets = group.items.map((item) => (Array.isArray(item.fields_changed) ? item.fields_changed : []) as unknown[]);
  const summary = (() => {
    switch (entry.action) {
      case "CREATE":
        return `added ${things}`;
      case "DELETE":
        return `deleted ${things}`;
      case "RESTORE":
        return `restored ${things}`;
      case "MOVE": {
        if (group.to) return `moved ${things} to ${group.to}`;
        const withinCells = fieldSets.every((fields) => fields.every((f) => f === "x" || f === "y"));
        return withinCells ? `rearranged ${things}` : `moved ${things}`;
      }
      default: {
        const shown = new Set(fieldSets.flat().filter((f): f is string => typeof f === "string" && !HIDDEN_FIELDS.has(f)));
        return shown.size === 1 ? `changed the ${fieldLabel([...shown][0]!)} of ${things}` : `updated ${things}`;
      }
    }
  })();
  return { summary, changes: [], parts, partsTotal: group.count };
}

export function describeActivity(entry: DescribeInput): Description {
  const d = record(entry.details) as Details;
  const group = groupOf(d as Record<string, unknown>);
  if (group) return describeGroup(entry, group);
  const changes = changesOf(d);
  const summary = (() => {
    switch (entry.entityType) {
      case "NODE":
        return describeNode(entry.action, d, changes);
      case "EDGE":
        return describeEdge(entry.action, d, changes);
      case "DEPARTMENT":
        return describeLane("department", entry.action, d, changes);
      case "STAGE":
        return describeLane("stage", entry.action, d, changes);
      case "PROJECT":
        return describeProject(entry.action, d, changes);
      case "MEMBER":
        return describeMember(entry.action, d, entry.subjectName);
      default:
        return describeOther(entry.action, entry.entityType, d as Record<string, unknown>);
    }
  })();
  return { summary, changes, parts: [], partsTotal: 0 };
}
