"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useDebouncedValue } from "../lib/useDebouncedValue";
import { useCurrentOrg } from "../shell/useCurrentOrg";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Icon } from "../ui/Icon";
import { Spinner } from "../ui/Spinner";
import { queryTerms } from "./highlight";
import { SearchResultList, flattenResults } from "./SearchResultList";

/**
 * The "Search" button of the top bar and the palette it opens; Cmd/Ctrl+K opens it from
 * anywhere in the signed-in app. Rendered once, by the top bar.
 */
export function SearchPalette() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex items-center gap-2 rounded-lg border border-slate-200 px-2.5 py-1.5 text-sm text-slate-500 hover:bg-slate-50 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <Icon name="search" className="size-4" />
        <span className="hidden sm:inline">Search</span>
        <span className="sr-only sm:hidden">Search</span>
        <kbd className="hidden rounded border border-slate-200 px-1 font-sans text-xs text-slate-500 lg:inline">Ctrl K</kbd>
      </button>
      {open && <PaletteDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 150);
  const search = useQuery({
    ...trpc.search.query.queryOptions({ q, limit: 8 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const { current } = useCurrentOrg();
  const results = q && search.data ? flattenResults(search.data, current?.id ?? null) : [];
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const typing = text.trim() !== q || (search.isFetching && !search.data);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  const choose = (index: number) => {
    const result = results[index];
    if (!result) return;
    onClose();
    router.push(result.href);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(activeIndex);
    }
  };

  return (
    <dialog
      ref={ref}
      aria-label="Search"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="mx-auto mt-[12vh] w-[calc(100%-2rem)] max-w-xl overflow-hidden rounded-xl bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4">
        <Icon name="search" className="size-5 text-slate-400" />
        <input
          autoFocus
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-label="Search steps, projects and templates"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results.length > 0 ? `${listId}-${activeIndex}` : undefined}
          aria-autocomplete="list"
          placeholder="Search steps, projects and templates…"
          className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-slate-400"
        />
        {typing && q !== "" && <Spinner className="size-4 text-slate-400" />}
        <kbd className="rounded border border-slate-200 px-1.5 text-xs text-slate-500">Esc</kbd>
      </div>
      <div className="max-h-[60vh] overflow-y-auto p-2">
        {search.error ? (
          <ErrorAlert error={search.error} />
        ) : !text.trim() ? (
          <p className="px-3 py-6 text-center text-sm text-slate-500">
            Type to search steps, projects and templates in all your organizations.
          </p>
        ) : results.length === 0 ? (
          <p role="status" className="px-3 py-6 text-center text-sm text-slate-500">
            {typing || search.isFetching ? "Searching…" : `No results for “${q}”`}
          </p>
        ) : (
          <SearchResultList
            id={listId}
            results={results}
            terms={queryTerms(q)}
            activeIndex={activeIndex}
            onHover={setActive}
            onChoose={choose}
          />
        )}
      </div>
    </dialog>
  );
}
