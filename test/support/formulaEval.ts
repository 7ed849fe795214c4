/**
 * A small spreadsheet formula evaluator for tests: numbers, text, cell refs and ranges,
 * + - * / > & and parentheses, SUM, ROUND, COUNTIF and SUMPRODUCT, with Excel's elementwise
 * array arithmetic. Enough to evaluate what 写入公式 writes, independently of the code that
 * wrote it (LibreOffice evaluates the same formulas in test/cli/formulas.test.ts).
 */
import { parseA1 } from '../../src/core';

type Scalar = number | string | boolean | null;
type Value = Scalar | Scalar[];

export type CellLookup = (row: number, col: number) => Scalar;

export function evaluate(formula: string, cell: CellLookup): Scalar {
  const src = formula.replace(/^=/, '');
  let pos = 0;
  const peek = () => src[pos];
  const eat = (s: string) => {
    if (!src.startsWith(s, pos)) throw new Error(`expected ${s} at ${pos} in ${formula}`);
    pos += s.length;
  };
  const num = (v: Scalar): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v === null || v === '' ? 0 : Number(v));
  const lift = (a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value => {
    if (Array.isArray(a) || Array.isArray(b)) {
      const n = Array.isArray(a) ? a.length : (b as Scalar[]).length;
      return Array.from({ length: n }, (_, i) => f(Array.isArray(a) ? a[i]! : a, Array.isArray(b) ? b[i]! : b));
    }
    return f(a, b);
  };
  const matches = (v: Scalar, criterion: Scalar): boolean => {
    if (typeof criterion === 'string') {
      const m = /^(>=|<=|<>|>|<|=)?(.*)$/.exec(criterion)!;
      const op = m[1] ?? '=';
      const target = Number(m[2]);
      if (typeof v !== 'number') return false;
      return op === '>' ? v > target : op === '<' ? v < target : op === '>=' ? v >= target : op === '<=' ? v <= target : op === '<>' ? v !== target : v === target;
    }
    return typeof v === 'number' && v === criterion;
  };
  const flat = (vs: Value[]): Scalar[] => vs.flatMap((v) => (Array.isArray(v) ? v : [v]));
  const call = (name: string, args: Value[]): Value => {
    switch (name) {
      case 'SUM':
        return flat(args).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      case 'ROUND': {
        const f = 10 ** num(args[1] as Scalar);
        const x = num(args[0] as Scalar);
        return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
      }
      case 'COUNTIF': {
        const range = Array.isArray(args[0]) ? args[0] : [args[0] as Scalar];
        const crit = args[1]!;
        const count = (c: Scalar) => range.filter((v) => matches(v, c)).length;
        return Array.isArray(crit) ? crit.map(count) : count(crit);
      }
      case 'SUMPRODUCT':
        return flat(args).reduce<number>((s, v) => s + num(v), 0);
      default:
        throw new Error(`function ${name} not supported`);
    }
  };
  const REF = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/;
  const primary = (): Value => {
    const ch = peek();
    if (ch === '(') {
      eat('(');
      const v = expr();
      eat(')');
      return v;
    }
    if (ch === '"') {
      const end = src.indexOf('"', pos + 1);
      const text = src.slice(pos + 1, end);
      pos = end + 1;
      return text;
    }
    const number = /^\d+(\.\d+)?/.exec(src.slice(pos));
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    const fn = /^([A-Z]+)\(/.exec(src.slice(pos));
    if (fn) {
      pos += fn[0].length;
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(expr());
        if (peek() === ',') eat(',');
      }
      eat(')');
      return call(fn[1]!, args);
    }
    const ref = REF.exec(src.slice(pos));
    if (!ref) throw new Error(`unexpected ${src.slice(pos)} in ${formula}`);
    pos += ref[0].length;
    const a = parseA1(ref[1]! + ref[2]!);
    if (!ref[3]) return cell(a.row, a.col);
    const b = parseA1(ref[3] + ref[4]!);
    const out: Scalar[] = [];
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(cell(r, c));
    return out;
  };
  const mul = (): Value => {
    let v = primary();
    while (peek() === '*' || peek() === '/') {
      const op = src[pos++];
      const w = primary();
      v = lift(v, w, (x, y) => (op === '*' ? num(x) * num(y) : num(x) / num(y)));
    }
    return v;
  };
  const add = (): Value => {
    let v = mul();
    while (peek() === '+' || peek() === '-') {
      const op = src[pos++];
      const w = mul();
      v = lift(v, w, (x, y) => (op === '+' ? num(x) + num(y) : num(x) - num(y)));
    }
    return v;
  };
  const concat = (): Value => {
    let v = add();
    while (peek() === '&') {
      pos++;
      const w = add();
      v = lift(v, w, (x, y) => String(x ?? '') + String(y ?? ''));
    }
    return v;
  };
  const expr = (): Value => {
    const v = concat();
    if (peek() === '>') {
      pos++;
      const w = concat();
      return lift(v, w, (x, y) => num(x) > num(y));
    }
    return v;
  };
  const result = expr();
  if (pos !== src.length) throw new Error(`left over ${src.slice(pos)} in ${formula}`);
  if (Array.isArray(result)) throw new Error(`array result from ${formula}`);
  return result;
}
