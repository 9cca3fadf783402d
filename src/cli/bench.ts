export function runBench(_args: string[], out: (line: string) => void): number {
  out('bench: not yet');
  return 1;
}
