import { parseBpmn, type BpmnOptions } from "./bpmn-read";
import { parseLegacyJson, type ImportParse } from "./legacy";

export { exportLegacy, type ImportParse, type PlannedProject } from "./legacy";
export { toBpmnXml } from "./bpmn-write";
export type { SubProcessMode } from "./bpmn-read";

/** An uploaded or pasted file, whichever of the two formats it is. */
export async function parseImport(text: string, options: BpmnOptions = {}): Promise<ImportParse> {
  const start = text.trimStart();
  if (start === "") return { format: "json", projects: [], problems: ["The file is empty"], notes: [] };
  return start.startsWith("<") ? parseBpmn(text, options) : parseLegacyJson(text, options);
}
