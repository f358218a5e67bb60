export { exportBpmn, exportCsv, exportJson, type ExportFile } from "./export";
export { importProjects, previewImport, type ImportPreview, type ImportReport } from "./import";
export { exportPdf, exportSvg } from "./picture";
