// How the complaint pages write case numbers. Dates and times: src/shared/time.ts.

/** "261127-0042" → "261 127 - 0042": short groups to read out over the phone. */
export const groupCaseNumber = (caseNumber: string) => caseNumber.replace(/^(\d{3})(\d{3})-/, "$1 $2 - ");
