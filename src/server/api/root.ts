import { createCallerFactory, createTRPCRouter } from "./trpc";
import { analysisRouter } from "./routers/analysis";
import { authRouter } from "./routers/auth";
import { graphRouter } from "./routers/graph";
import { orgRouter } from "./routers/org";
import { projectRouter } from "./routers/project";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  user: userRouter,
  org: orgRouter,
  project: projectRouter,
  graph: graphRouter,
  analysis: analysisRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
