"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { inputClass, labelClass } from "../../ui/field-styles";
import { filterSteps, type StepOption } from "./dependencies";

type StepComboboxProps = {
  label: string;
  options: readonly StepOption[];
  /** Called with the chosen step, or null as soon as the text no longer names the choice. */
  onChoose: (option: StepOption | null) => void;
  inputRef?: React.Ref<HTMLInputElement>;
  describedBy?: string;
};

/**
 * The ARIA combobox pattern with list autocomplete and manual selection: typing filters the
 * steps by label, Down/Up move through them, Enter takes the highlighted one, Escape closes the
 * list (or, when it is closed, clears the text). Focus never leaves the input; the highlighted
 * option is announced through aria-activedescendant.
 */
export function StepCombobox({ label, options, onChoose, inputRef, describedBy }: StepComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => filterSteps(options, text), [options, text]);
  const activeId = open && active >= 0 && active < matches.length ? `${id}-option-${active}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const choose = (option: StepOption) => {
    setText(option.label);
    setOpen(false);
    setActive(-1);
    onChoose(option);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const last = matches.length - 1;
      if (!open) {
        setOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : last);
      } else {
        setActive((at) => (event.key === "ArrowDown" ? (at >= last ? 0 : at + 1) : at <= 0 ? last : at - 1));
      }
    } else if (event.key === "Enter" && activeId) {
      event.preventDefault();
      choose(matches[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (open) setOpen(false);
      else if (text !== "") {
        setText("");
        onChoose(null);
      }
    }
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          ref={inputRef}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          placeholder="Type to find a step"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
            onChoose(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className={inputClass}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          hidden={!open}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-56 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
        >
          {matches.map((option, i) => (
            <li
              key={option.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              // Keeps focus in the input, so the click still counts as choosing from the list.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-brand-50 text-brand-700" : "text-slate-800 hover:bg-slate-50"}`}
            >
              <span className="block truncate font-medium">{option.label}</span>
              <span className="block truncate text-xs text-slate-500">{option.cell}</span>
            </li>
          ))}
          {matches.length === 0 && (
            <li role="option" aria-disabled="true" aria-selected="false" className="px-3 py-1.5 text-sm text-slate-500">
              No step matches “{text.trim()}”
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
