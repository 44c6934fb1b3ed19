// Its own module so the filing island's success view can say it without bundling the state table.

/** Days after closure during which the reporter may reopen a case that is not fixed. */
export const REOPEN_WINDOW_DAYS = 7;
