"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { slugify } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { Icon } from "../../ui/Icon";
import { Menu } from "../../ui/Menu";
import { MenuItem } from "../../ui/MenuItem";
import { Spinner } from "../../ui/Spinner";
import { useEditorSelector } from "../editor-context";

/** The longest side of an exported PNG; larger matrices are scaled down to fit. */
const MAX_SIDE = 8192;
/** PNGs are drawn at twice the size for sharp text on slides and retina screens. */
const PNG_SCALE = 2;

type Format = "png" | "svg" | { pageSize: "A4" | "LETTER"; layout: "fit" | "tile" };

const PDF_CHOICES = [
  { label: "PDF, A4, on one page", pageSize: "A4", layout: "fit" },
  { label: "PDF, A4, tiled over pages", pageSize: "A4", layout: "tile" },
  { label: "PDF, Letter, on one page", pageSize: "LETTER", layout: "fit" },
  { label: "PDF, Letter, tiled over pages", pageSize: "LETTER", layout: "tile" },
] as const;

function download(href: string, filename: string) {
  const link = document.createElement("a");
  link.download = filename;
  link.href = href;
  link.click();
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
 * "Export picture": the matrix drawn by the server as a vector SVG (shapes and text, with the
 * critical path when it is on, none of the editing chrome); the PNG is that SVG as pixels.
 */
export function ImageExport() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, showCritical: e.highlight?.showCritical ?? false }));
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId: editor.projectId }));
  const exportSvg = useMutation(trpc.transfer.exportSvg.mutationOptions());
  const exportPdf = useMutation(trpc.transfer.exportPdf.mutationOptions());
  const pending = exportSvg.isPending || exportPdf.isPending;
  const [error, setError] = useState<string | null>(null);

  async function exportImage(format: Format) {
    if (pending) return;
    const name = slugify(project.data?.name ?? "") || "flowmatrix";
    try {
      setError(null);
      if (typeof format === "object") {
        const file = await exportPdf.mutateAsync({ projectId: editor.projectId, criticalPath: editor.showCritical, ...format });
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
        download(url, `${name}.pdf`);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return;
      }
      const file = await exportSvg.mutateAsync({ projectId: editor.projectId, criticalPath: editor.showCritical });
      if (format === "svg") {
        const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
        download(url, `${name}.svg`);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } else {
        const url = URL.createObjectURL(await rasterize(file.content));
        download(url, `${name}.png`);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    } catch {
      setError("The image could not be created. Please try again.");
    }
  }

  const choose = (close: () => void, format: Format) => {
    close();
    void exportImage(format);
  };

  return (
    <div className="flex items-center gap-1 border-l border-slate-200 pl-2">
      <Menu
        label="Export picture"
        triggerTestId="export-image-button"
        triggerClassName="h-8 gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
        trigger={
          <>
            {pending && <Spinner />}
            <span className="max-sm:sr-only">{pending ? "Exporting…" : "Export picture"}</span>
            <span aria-hidden className="sm:hidden">
              Export
            </span>
            <Icon name="chevronDown" className="size-3.5 text-slate-400" />
          </>
        }
      >
        {(close) => (
          <>
            <MenuItem onSelect={() => choose(close, "png")}>PNG image</MenuItem>
            <MenuItem onSelect={() => choose(close, "svg")}>SVG (vector, for slides and editors)</MenuItem>
            {PDF_CHOICES.map(({ label, pageSize, layout }) => (
              <MenuItem key={label} onSelect={() => choose(close, { pageSize, layout })}>
                {label}
              </MenuItem>
            ))}
          </>
        )}
      </Menu>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </div>
  );
}
