import { z } from "zod";
import { authedProcedure, createTRPCRouter } from "~/server/api/trpc";
import { acceptInvitation, declineInvitation, getMyInvitation, listMyInvitations } from "~/server/services/invitations";

const invitationInput = z.object({ invitationId: z.uuid("invitationId must be a UUID") });

/** The invitee's side: invitations addressed to the signed-in person's email. */
export const invitationRouter = createTRPCRouter({
  mine: authedProcedure.query(({ ctx }) => listMyInvitations(ctx)),

  get: authedProcedure.input(invitationInput).query(({ ctx, input }) => getMyInvitation(ctx, input)),

  accept: authedProcedure.input(invitationInput).mutation(({ ctx, input }) => acceptInvitation(ctx, input)),

  decline: authedProcedure.input(invitationInput).mutation(({ ctx, input }) => declineInvitation(ctx, input)),
});
