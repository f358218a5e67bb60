/** The package ships types only under "bpmn-moddle/types"; this is the little we call. */
declare module "bpmn-moddle" {
  export type ModdleNode = {
    $type: string;
    $attrs?: Record<string, string>;
    id?: string;
    name?: string;
    get(name: string): unknown;
    [key: string]: unknown;
  };
  export type ParseWarning = { message: string; element?: ModdleNode };
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: ModdleNode; warnings: ParseWarning[] }>;
  }
}
