/**
 * Every procedure, called with its valid input bent at one place into something hostile (a
 * NUL byte, half a surrogate pair, numbers no column holds, crafted cursors and ids, wrong
 * types, very long text): the answer is a success or a clear 4xx, never a 500, and a refused
 * call changes nothing in the database. FUZZ_ONLY=<path prefix> narrows it to some procedures
 * while you chase a finding.
 */
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { rows, type Database } from "~/server/db";
import { createFixture, type Caller, type Fixture } from "~/server/test/actors";
import { PROCEDURES, type AppProcedurePath } from "~/server/test/authorization-table";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";

const RUNS_PER_PROCEDURE = 6;

const HOSTILE: unknown[] = [
  "\u0000",
  "name\u0000",
  "\ud800",
  "x\udfffy",
  "",
  "   ",
  "%_\\",
  "x".repeat(20_000),
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  Buffer.from(JSON.stringify({ v: "2026-02-30T00:00:00.000Z", id: "x" })).toString("base64url"),
  Buffer.from("9999-99-99T99:99:99.999999Z|zzzz").toString("base64url"),
  "2026-02-30T00:00:00.000Z",
  "99999999999999999999",
  "<script>alert(1)</script>",
  2147483648,
  -2147483649,
  9007199254740993,
  1e308,
  -1,
  0.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
  true,
  [],
  {},
  [null],
  { nested: { deeper: "\u0000" } },
];

/** Tried at every place of every input. */
const SWEEP: unknown[] = [
  "\u0000",
  "\ud800",
  2147483648,
  9007199254740993,
  Buffer.from(JSON.stringify({ v: "2026-02-30T00:00:00.000Z", id: "x" })).toString("base64url"),
  Buffer.from("9999-99-99T99:99:99.999999Z|zzzz").toString("base64url"),
  null,
];

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "grapheme-composite", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.double(),
);

type Path = (string | number)[];

/** The top-level fields a procedure's input schemas name, the optional ones its valid call leaves out included. */
function schemaFields(path: string): string[] {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[path];
  const fields = new Set<string>();
  for (const parser of procedure?._def.inputs ?? []) {
    const shape = (parser as { shape?: object }).shape ?? (parser as { in?: { shape?: object } }).in?.shape;
    for (const key of Object.keys(shape ?? {})) fields.add(key);
  }
  return [...fields];
}

/** Every place in a value that can be replaced: the value itself, each property and item, and one new key per object. */
function placesIn(value: unknown, at: Path = []): Path[] {
  const places: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => places.push(...placesIn(item, [...at, i])));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...at, key]));
    places.push([...at, "unexpected"]);
  }
  return places;
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

/**
 * The input a table row's call passes to its own procedure. The row runs against the owner's
 * real caller (its other calls, such as user.me, give real answers), except that the
 * procedure under test is only recorded, not called.
 */
async function validInput(path: AppProcedurePath, fx: Fixture): Promise<{ found: boolean; input: unknown }> {
  const stop = new Error("recorded");
  let recorded: { found: boolean; input: unknown } = { found: false, input: undefined };
  const through = (real: unknown, at: string[]): unknown =>
    new Proxy(real as object, {
      get: (target, key) => {
        const inner = (target as Record<string | symbol, unknown>)[key];
        return typeof key === "string" && (typeof inner === "function" || (inner && typeof inner === "object"))
          ? through(inner, [...at, key])
          : inner;
      },
      apply: (target, _, args: unknown[]) => {
        if (at.join(".") !== path) return (target as (...a: unknown[]) => unknown)(...args);
        recorded = { found: true, input: args[0] };
        throw stop;
      },
    });
  await Promise.resolve()
    .then(() => PROCEDURES[path].call(through(fx.ownerCaller, []) as Caller, fx))
    .catch(() => undefined);
  return recorded;
}

function procedureOf(caller: Caller, path: string): (input: unknown) => Promise<unknown> {
  const parts = path.split(".");
  let target: unknown = caller;
  for (const part of parts) target = (target as Record<string, unknown>)[part];
  return target as (input: unknown) => Promise<unknown>;
}

/** A fingerprint of every table but the attempt counters (which a refusal may count on purpose). */
async function fingerprint(db: Database): Promise<string> {
  const tables = rows<{ name: string }>(
    await db.execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'rate_limits' ORDER BY 1`),
  );
  const parts = tables.map(
    ({ name }) =>
      sql`SELECT ${name}::text AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${sql.identifier(name)} t`,
  );
  const result = await db.execute(sql.join(parts, sql` UNION ALL `));
  return rows<{ name: string; hash: string }>(result)
    .map((r) => `${r.name}:${r.hash}`)
    .join(",");
}

async function settle(call: Promise<unknown>): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    const result = await call;
    // A subscription that was accepted: close it again.
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

describe.each(testDatabaseKinds())("hostile input to every procedure on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("is answered with a success or a clear 4xx, and a refusal changes nothing", { timeout: 600_000 }, async () => {
    const paths = (Object.keys(PROCEDURES) as AppProcedurePath[]).filter(
      (p) => !process.env.FUZZ_ONLY || p.startsWith(process.env.FUZZ_ONLY),
    );
    const untested: string[] = [];
    const failures: string[] = [];
    let last = "(nothing yet)";
    for (const path of paths) {
      const fx = await createFixture(db()).catch((error: unknown) => {
        throw new Error(`The database broke after ${last}`, { cause: error });
      });
      await PROCEDURES[path].setup?.(fx);
      const { found, input } = await validInput(path, fx);
      if (!found || input === undefined || input === null || typeof input !== "object") {
        untested.push(path);
        continue;
      }
      const places = placesIn(input);
      for (const field of schemaFields(path)) if (!(field in input)) places.push([field]);
      let current = await fingerprint(db());
      const attempt = async (place: Path, value: unknown) => {
        const where = `${path} with ${place.join(".") || "(input)"} = ${JSON.stringify(value)?.slice(0, 80)}`;
        last = where;
        const outcome = await settle(procedureOf(fx.ownerCaller, path)(replaced(input, place, value)));
        if (outcome.ok) {
          current = await fingerprint(db());
          return;
        }
        const error = outcome.error;
        const code = error instanceof TRPCError ? error.code : "not a TRPCError";
        if (code === "INTERNAL_SERVER_ERROR" || code === "not a TRPCError") {
          failures.push(`${where}: ${code} ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
          current = await fingerprint(db());
          return;
        }
        const after = await fingerprint(db());
        if (after !== current) failures.push(`${where}: refused with ${code} but changed the database`);
        current = after;
      };
      // Every place gets the values that broke things before; then random ones anywhere.
      for (const place of places) for (const value of SWEEP) await attempt(place, value);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: places.length - 1 }), hostile, (index, value) => attempt(places[index]!, value)),
        { numRuns: RUNS_PER_PROCEDURE, seed: 20261203 },
      );
    }
    expect(failures).toEqual([]);
    // Procedures without an object input (user.me and the like) have nothing to bend.
    expect(untested.length, untested.join(", ")).toBeLessThan(paths.length / 4);
  });
});
