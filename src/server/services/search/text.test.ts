import { describe, expect, it } from "vitest";
import { prefixTsQuery, searchTerms, snippetOf, transposedTsQuery, transpositions } from "./text";

describe("search text helpers", () => {
  it("turns any input into a safe all-words query with the last word as a prefix", () => {
    expect(searchTerms("Customer  On-boarding!")).toEqual(["customer", "on", "boarding"]);
    expect(prefixTsQuery(searchTerms("send invo"))).toBe("send & invo:*");
    expect(prefixTsQuery(searchTerms("') | !x:* & ("))).toBe("x:*");
    expect(prefixTsQuery(searchTerms("&|!():*"))).toBeNull();
  });

  it("cuts long text around the first matching word, on word boundaries", () => {
    const text = `${"lorem ipsum ".repeat(20)}the invoice goes out ${"dolor sit ".repeat(20)}`;
    const snippet = snippetOf(text, ["invoice"], 60)!;
    expect(snippet).toMatch(/^….*invoice.*…$/);
    expect(snippet.length).toBeLessThanOrEqual(62);
    expect(snippetOf("Short one", ["x"])).toBe("Short one");
    expect(snippetOf(null, ["x"])).toBeNull();
  });

  it("spells a word with each pair of adjacent letters swapped, for words of five letters or more", () => {
    expect(transpositions("onbaording")).toContain("onboarding");
    expect(transpositions("abcde")).toEqual(["bacde", "acbde", "abdce", "abced"]);
    expect(transpositions("seeds")).toEqual(["eseds", "sedes", "seesd"]);
    expect(transpositions("four")).toEqual([]);
    expect(transposedTsQuery(["an", "abcde"])).toBe("an & (abcde:* | bacde:* | acbde:* | abdce:* | abced:*)");
    expect(transposedTsQuery(["an", "box"])).toBeNull();
  });
});
