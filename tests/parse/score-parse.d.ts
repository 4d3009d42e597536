// Types for the shared gold scorer (plain ESM JavaScript outside this repository).
declare module '*/score-parse.mjs' {
  export const METRICS: string[];
  export interface ScoreResult {
    pages: Array<{ page: string; found: boolean; goldArticles: number; predArticles: number; matched: number; metrics: Record<string, number | null>; details?: string[] }>;
    total: Record<string, number | null>;
    warnings: string[];
  }
  export function scoreDirs(goldDir: string, apiDir: string, options?: { verbose?: boolean }): ScoreResult;
  export function summaryLine(total: Record<string, number | null>): string;
}
