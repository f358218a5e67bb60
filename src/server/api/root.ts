import { createCallerFactory, createTRPCRouter } from "./trpc";
import { analysisRouter } from "./routers/analysis";
import { commentRouter } from "./routers/comment";
import { authRouter } from "./routers/auth";
import { searchRouter } from "./routers/search";
import { graphRouter } from "./routers/graph";
import { activityRouter } from "./routers/activity";
import { orgRouter } from "./routers/org";
import { transferRouter } from "./routers/transfer";
import { projectRouter } from "./routers/project";
import { versionRouter } from "./routers/version";
import { userRouter } from "./routers/user";
import { templateRouter } from "./routers/template";
import { invitationRouter } from "./routers/invitation";
import { calendarRouter } from "./routers/calendar";
import { runRouter } from "./routers/run";
import { tokenRouter } from "./routers/token";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  search: searchRouter,
  user: userRouter,
  template: templateRouter,
  invitation: invitationRouter,
  org: orgRouter,
  transfer: transferRouter,
  project: projectRouter,
  version: versionRouter,
  graph: graphRouter,
  activity: activityRouter,
  analysis: analysisRouter,
  calendar: calendarRouter,
  run: runRouter,
  token: tokenRouter,
  comment: commentRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
