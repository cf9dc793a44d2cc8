/** The stamp `dist/` gets once a build has finished. */
export const STAMP: string
/** Compiles src/ into `out` (dist/ unless told otherwise), beside the files the code reads. */
export function buildDist(options?: { quiet?: boolean; out?: string }): Promise<void>
