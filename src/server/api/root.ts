import { createCallerFactory, createTRPCRouter } from "./trpc";
import { analysisRouter } from "./routers/analysis";
import { commentRouter } from "./routers/comment";
import { authRouter } from "./routers/auth";
import { graphRouter } from "./routers/graph";
import { activityRouter } from "./routers/activity";
import { orgRouter } from "./routers/org";
import { projectRouter } from "./routers/project";
import { versionRouter } from "./routers/version";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  user: userRouter,
  org: orgRouter,
  project: projectRouter,
  version: versionRouter,
  graph: graphRouter,
  activity: activityRouter,
  analysis: analysisRouter,
  comment: commentRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
