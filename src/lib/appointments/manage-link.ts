// A booking's manage link keeps its secret in the URL fragment (#t=…), which browsers never send to a
// server: the manage page reads it from there and sends it only in the x-manage-token header.

/** The page a booking is managed on. */
export const MANAGE_PATH = "/appointments/manage/";

/** The whole link to keep, from the API's managePath ("/appointments/manage/#t=…"). */
export const manageLink = (origin: string, managePath: string) => `${origin}${managePath}`;
