import { describe, expect, it } from "vitest";
import { nextStop, tabSequence } from "./tab-order";

const isStep = (stop: string) => stop.startsWith("step");

describe("tabSequence", () => {
  it("puts the connections right after the last step", () => {
    const stops = ["palette", "step-1", "step-2", "lane-menu", "zoom-in"];
    expect(tabSequence(stops, isStep, ["edge-1", "edge-2"])).toEqual([
      "palette",
      "step-1",
      "step-2",
      "edge-1",
      "edge-2",
      "lane-menu",
      "zoom-in",
    ]);
  });

  it("leaves the document order alone when there are no steps", () => {
    expect(tabSequence(["palette", "zoom-in"], isStep, [])).toEqual(["palette", "zoom-in"]);
  });
});

describe("nextStop", () => {
  const sequence = ["palette", "step-1", "edge-1", "lane-menu"];

  it("moves forward and back through the sequence", () => {
    expect(nextStop(sequence, "step-1", false)).toBe("edge-1");
    expect(nextStop(sequence, "edge-1", false)).toBe("lane-menu");
    expect(nextStop(sequence, "edge-1", true)).toBe("step-1");
    expect(nextStop(sequence, "lane-menu", true)).toBe("edge-1");
  });

  it("hands over to the browser at the ends and for elements it does not know", () => {
    expect(nextStop(sequence, "palette", true)).toBeNull();
    expect(nextStop(sequence, "lane-menu", false)).toBeNull();
    expect(nextStop(sequence, "inspector", false)).toBeNull();
  });
});
