"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { slugify } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { Icon } from "../../ui/Icon";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { SelectField } from "../../ui/SelectField";
import { useEditorSelector } from "../editor-context";

/** The longest side of an exported PNG; larger matrices are scaled down to fit. */
const MAX_SIDE = 8192;
/** PNGs are drawn at twice the size for sharp text on slides and retina screens. */
const PNG_SCALE = 2;

type Format = "png" | "svg" | "pdf";
type PageSize = "A4" | "LETTER";
type Layout = "fit" | "tile";

const FORMATS: { format: Format; label: string; hint: string }[] = [
  { format: "pdf", label: "PDF", hint: "Landscape pages with a title block (lead time, process time, flow efficiency) and a legend" },
  { format: "svg", label: "SVG", hint: "Vector shapes and text, for slides, Inkscape, Illustrator and Keynote" },
  { format: "png", label: "PNG", hint: "The same picture as pixels, at twice the screen size" },
];

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.download = filename;
  link.href = url;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws the SVG onto a canvas and returns the PNG: the same picture, as pixels. */
async function rasterize(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(PNG_SCALE, MAX_SIDE / image.naturalWidth, MAX_SIDE / image.naturalHeight);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * "Export picture": a dialog to choose PDF, SVG or PNG (and, for a PDF, the page size and
 * whether the matrix is fitted on one page or tiled over several). Every format is the
 * matrix drawn by the server as a vector SVG (shapes and text, with the critical path when it
 * is chosen, none of the editing chrome); the PNG is that SVG as pixels.
 */
export function ImageExport() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, showCritical: e.highlight?.showCritical ?? false }));
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId: editor.projectId }));
  const exportSvg = useMutation(trpc.transfer.exportSvg.mutationOptions());
  const exportPdf = useMutation(trpc.transfer.exportPdf.mutationOptions());
  const pending = exportSvg.isPending || exportPdf.isPending;
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>("pdf");
  const [pageSize, setPageSize] = useState<PageSize>("A4");
  const [layout, setLayout] = useState<Layout>("fit");
  const [criticalPath, setCriticalPath] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = slugify(project.data?.name ?? "") || "flowmatrix";
  const hintId = useId();

  function show() {
    setCriticalPath(editor.showCritical);
    setError(null);
    setOpen(true);
  }

  async function exportImage() {
    if (pending) return;
    try {
      setError(null);
      if (format === "pdf") {
        const file = await exportPdf.mutateAsync({ projectId: editor.projectId, criticalPath, pageSize, layout });
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        save(new Blob([bytes], { type: file.mimeType }), `${name}.pdf`);
      } else {
        const file = await exportSvg.mutateAsync({ projectId: editor.projectId, criticalPath });
        save(format === "svg" ? new Blob([file.content], { type: file.mimeType }) : await rasterize(file.content), `${name}.${format}`);
      }
      setOpen(false);
    } catch {
      setError("The picture could not be created. Please try again.");
    }
  }

  return (
    <div className="flex items-center gap-1 border-l border-slate-200 pl-2">
      <button
        type="button"
        data-testid="export-image-button"
        onClick={show}
        className="inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      >
        <Icon name="download" className="size-4 text-slate-500" />
        <span className="max-sm:sr-only">Export picture</span>
        <span aria-hidden className="sm:hidden">
          Export
        </span>
      </button>
      <Dialog
        open={open}
        onClose={() => !pending && setOpen(false)}
        title="Export picture"
        description="The matrix as it is now, without the editing controls."
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void exportImage();
          }}
        >
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Format</legend>
            {FORMATS.map((f) => (
              <label
                key={f.format}
                className="flex items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name="format"
                  className="mt-0.5"
                  aria-label={f.label}
                  aria-describedby={`${hintId}-${f.format}`}
                  checked={format === f.format}
                  onChange={() => setFormat(f.format)}
                />
                <span>
                  <span className="font-medium text-slate-900">{f.label}</span>
                  <span id={`${hintId}-${f.format}`} className="block text-xs text-slate-600">
                    {f.hint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {format === "pdf" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField label="Page size" value={pageSize} onChange={(e) => setPageSize(e.target.value as PageSize)}>
                <option value="A4">A4, landscape</option>
                <option value="LETTER">Letter, landscape</option>
              </SelectField>
              <SelectField label="Pages" value={layout} onChange={(e) => setLayout(e.target.value as Layout)}>
                <option value="fit">Fit on one page</option>
                <option value="tile">Tile over pages, full size</option>
              </SelectField>
            </div>
          )}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={criticalPath} onChange={(e) => setCriticalPath(e.target.checked)} />
            Highlight the critical path
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="flex items-center justify-end gap-2">
            <span className="mr-auto truncate text-xs text-slate-500" data-testid="export-filename">
              {name}.{format}
            </span>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              {pending ? "Exporting…" : "Export"}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
