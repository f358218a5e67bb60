/** The REST API's OpenAPI 3 document, served at /api/v1/openapi.json. */

const error = { type: "object", required: ["error"], properties: { error: { type: "string", description: "What was wrong, in words" } } };
const refusal = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const json = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });
const projectId = { name: "projectId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const runId = { name: "runId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const common = {
  "401": refusal("No token, or a token that is unknown, revoked, or whose owner left the organization"),
  "404": refusal("No such project or run in the token's organization (or not one its owner may open)"),
  "429": refusal("Too many requests with this token; the Retry-After header says when to come back"),
};
const writes = {
  "400": refusal("The body is not what the endpoint takes; the message says which field"),
  "403": refusal("A read-only token, or a role that may not edit the project"),
};

const step = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    label: { type: "string" },
    state: { type: "string", enum: ["DONE", "IN_PROGRESS", "NOT_STARTED"] },
    plannedStart: { type: "string", format: "date-time" },
    plannedFinish: { type: "string", format: "date-time" },
    actualStart: { type: "string", format: "date-time", nullable: true },
    actualFinish: { type: "string", format: "date-time", nullable: true },
    lateMinutes: { type: "number" },
  },
};
const runSummary = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    externalRef: { type: "string", nullable: true },
    startedAt: { type: "string", format: "date-time" },
    revision: { type: "integer" },
    stepCount: { type: "integer" },
  },
};

export const OPENAPI = {
  openapi: "3.0.3",
  info: {
    title: "FlowMatrix API",
    version: "1",
    description:
      "For the systems that record the work: read a process map and its analysis, start runs of the process and post when each step started and finished. Authenticate with a personal API token (Profile → API tokens) as a bearer token; a token reaches its own organization only, and a READ token cannot write.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerToken: [] }],
  components: {
    securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A FlowMatrix API token, fm_…" } },
    schemas: { Error: error, RunSummary: runSummary, RunStep: step },
  },
  paths: {
    "/projects": {
      get: {
        summary: "The projects of the token's organization its owner may open (active ones, up to 100)",
        responses: {
          "200": json("Projects", {
            type: "object",
            properties: {
              projects: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string", format: "uuid" },
                    name: { type: "string" },
                    slug: { type: "string" },
                    status: { type: "string" },
                    updatedAt: { type: "string", format: "date-time" },
                  },
                },
              },
            },
          }),
          ...common,
        },
      },
    },
    "/projects/{projectId}/graph": {
      get: {
        summary: "The project's steps, connections, departments and stages",
        parameters: [projectId],
        responses: {
          "200": json("The graph at its current revision", {
            type: "object",
            properties: {
              revision: { type: "integer" },
              steps: { type: "array", items: { type: "object" } },
              connections: { type: "array", items: { type: "object" } },
              departments: { type: "array", items: { type: "object" } },
              stages: { type: "array", items: { type: "object" } },
            },
          }),
          ...common,
        },
      },
    },
    "/projects/{projectId}/analysis": {
      get: {
        summary: "Lead time, critical path, slack, work and waiting, bottlenecks",
        parameters: [projectId],
        responses: { "200": json("The lead-time analysis", { type: "object" }), ...common },
      },
    },
    "/projects/{projectId}/runs": {
      get: {
        summary: "The project's runs, newest first",
        parameters: [projectId],
        responses: {
          "200": json("Runs", {
            type: "object",
            properties: { runs: { type: "array", items: { $ref: "#/components/schemas/RunSummary" } } },
          }),
          ...common,
        },
      },
      post: {
        summary: "Start a run; it is planned from its start in the working calendars and keeps that plan",
        parameters: [projectId],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                properties: {
                  name: { type: "string", maxLength: 255 },
                  externalRef: { type: "string", maxLength: 255, description: "The case's id in your system; unique in the project" },
                  startedAt: { type: "string", format: "date-time", description: "Now when left out" },
                },
              },
            },
          },
        },
        responses: { "201": json("The run", { $ref: "#/components/schemas/RunSummary" }), ...writes, ...common },
      },
    },
    "/projects/{projectId}/runs/{runId}": {
      get: {
        summary: "A run against its plan: each step done, in progress or not started, and how late",
        parameters: [projectId, runId],
        responses: {
          "200": json("The run", {
            allOf: [
              { $ref: "#/components/schemas/RunSummary" },
              {
                type: "object",
                properties: {
                  steps: { type: "array", items: { $ref: "#/components/schemas/RunStep" } },
                  finished: { type: "boolean" },
                  actualLeadMinutes: { type: "number", nullable: true },
                  actualCriticalPath: { type: "array", items: { type: "string", format: "uuid" } },
                },
              },
            ],
          }),
          ...common,
        },
      },
    },
    "/projects/{projectId}/runs/{runId}/events": {
      post: {
        summary: "A step of the run started or finished. Idempotent by eventId: the same event posted again changes nothing (200)",
        parameters: [projectId, runId],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["stepId", "kind"],
                properties: {
                  stepId: { type: "string", format: "uuid" },
                  kind: { type: "string", enum: ["START", "FINISH"] },
                  at: { type: "string", format: "date-time", description: "Now when left out" },
                  eventId: {
                    type: "string",
                    maxLength: 100,
                    description: "Your id for the event; a repeat with the same id is recorded once",
                  },
                },
              },
            },
          },
        },
        responses: {
          "201": json("Recorded", {
            type: "object",
            properties: { id: { type: "string", format: "uuid" }, repeated: { type: "boolean" } },
          }),
          "200": json("Already recorded under this eventId", {
            type: "object",
            properties: { id: { type: "string" }, repeated: { type: "boolean" } },
          }),
          ...writes,
          ...common,
        },
      },
    },
  },
} as const;
