/** Procedures one HTTP request may carry (the route refuses more with a 400)... */
export const MAX_BATCH_PROCEDURES = 50;
/** ...and how many the browser client puts in one, well below it. */
export const CLIENT_BATCH_ITEMS = 20;
