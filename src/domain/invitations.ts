/** How long an invitation can be accepted after it is sent (or sent again). */
export const INVITATION_DAYS = 14;
