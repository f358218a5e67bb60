export { exportBpmn, exportCsv, exportJson, type ExportFile } from "./export";
export { importProjects, previewImport, type ImportPreview, type ImportReport } from "./import";
