import { describe, expect, it } from "vitest";
import { toState } from "~/domain/graph";
import { IDLE_EDITOR, mappedSource, shallowEqual, type EditorApi } from "./editor-context";

const nothing = () => {};
const editor: EditorApi = {
  projectId: "p",
  state: toState({ departments: [], stages: [], nodes: [], edges: [] }),
  facts: new Map(),
  readOnly: false,
  selection: { nodes: [], edges: [] },
  setSelection: nothing,
  apply: () => null,
  ...IDLE_EDITOR,
  focusNode: nothing,
  focusRequest: null,
  revision: 1,
  highlight: null,
  setHighlight: nothing,
  diff: null,
};

/** A store-like source whose snapshot changes on `set`. */
function counter() {
  let value = { n: 0 };
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => value,
    set(n: number) {
      value = { n };
      for (const listener of listeners) listener();
    },
  };
}

describe("editor sources", () => {
  it("maps each snapshot once, so a snapshot read twice is the same object", () => {
    const store = counter();
    let maps = 0;
    const source = mappedSource(store, ({ n }) => {
      maps++;
      return { ...editor, revision: n };
    });
    const first = source.getSnapshot();
    expect(source.getSnapshot()).toBe(first);
    store.set(2);
    expect(source.getSnapshot()).not.toBe(first);
    expect(source.getSnapshot().revision).toBe(2);
    expect(maps).toBe(2);
  });

  it("passes the listeners on to the store it maps", () => {
    const store = counter();
    const source = mappedSource(store, ({ n }) => ({ ...editor, revision: n }));
    const heard: number[] = [];
    const off = source.subscribe(() => heard.push(source.getSnapshot().revision));
    store.set(3);
    off();
    store.set(4);
    expect(heard).toEqual([3]);
  });
});

describe("shallowEqual (what a selector's result is compared with)", () => {
  it("treats picked fields with the same values as the same", () => {
    expect(shallowEqual({ undo: nothing, canUndo: true }, { undo: nothing, canUndo: true })).toBe(true);
    expect(shallowEqual([1, "a"], [1, "a"])).toBe(true);
  });

  it("sees a changed, added or missing field", () => {
    expect(shallowEqual({ canUndo: true }, { canUndo: false })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(shallowEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(shallowEqual({ selection: { nodes: [] } }, { selection: { nodes: [] } })).toBe(false);
  });

  it("never calls two different maps or sets equal, whatever they hold", () => {
    expect(shallowEqual(new Map(), new Map())).toBe(false);
    expect(shallowEqual(new Set([1]), new Set([1]))).toBe(false);
    expect(shallowEqual([1], { 0: 1 })).toBe(false);
  });
});
