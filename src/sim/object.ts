/** The base of every simulated proxy: queued loads, sets and calls, loaded-only reads, null objects. */
import { SimOfficeError, SIM_ERROR, propertyNotLoaded } from './errors';
import type { SimRequestContext } from './context';
import { gatedProps, requireMember, type ExcelApiMember } from './requirements';

/** Parse the arguments of load(): "a, b", ["a", "b"], { select: "a,b" } or nothing. */
function parseLoad(props: unknown): string[] | null {
  if (props === undefined || props === null) return null;
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => String(p).split(',')).map((p) => p.trim()).filter(Boolean);
  if (typeof props === 'object' && 'select' in (props)) return parseLoad((props).select);
  throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Unsupported load argument in the simulated Excel.');
}

export abstract class SimObject<T> {
  protected loaded = new Map<string, unknown>();
  private settledNull: boolean | undefined;
  private cache: { target: T | null } | undefined;

  constructor(
    readonly context: SimRequestContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    private readonly nullable: boolean,
    creation: boolean,
  ) {
    if (creation) {
      context.enqueue({ path, kind: 'get', name: '', args: null, exec: () => void this.target() });
    }
  }

  /** Scalar properties `load()` with no argument loads. */
  protected abstract scalarProps(): readonly string[];
  /** Read a property from the live target (at sync). */
  protected abstract read(target: T, prop: string): unknown;

  /** @internal resolve against the workbook (at sync time), once. */
  target(): T | null {
    if (!this.cache) {
      const target = this.resolver();
      if (target === null && !this.nullable) {
        throw new SimOfficeError(SIM_ERROR.itemNotFound, 'The requested resource doesn\'t exist.', { errorLocation: this.path });
      }
      this.cache = { target };
      this.settledNull = target === null;
    }
    return this.cache.target;
  }

  /** @internal bind to an object created by a statement. */
  bind(target: T): void {
    this.cache = { target };
    this.settledNull = false;
  }

  get isNullObject(): boolean {
    if (this.settledNull === undefined) throw propertyNotLoaded('isNullObject', this.path);
    return this.settledNull;
  }

  /** The Excel type this proxy stands for, whose properties ./requirements may gate. */
  protected apiType(): string {
    return '';
  }

  /** A member of a newer ExcelApi set than this Excel has fails at once (ApiNotFound). */
  protected need(member: ExcelApiMember): void {
    requireMember(this.context.sim, member);
  }

  load(props?: unknown): this {
    const list = parseLoad(props);
    // Named properties only: a bare load() takes whatever this Excel has.
    const gated = gatedProps(this.apiType());
    for (const name of list ?? []) {
      const member = gated.get(name.split('/')[0]!);
      if (member) this.need(member);
    }
    const names = list ?? [...this.scalarProps()];
    this.context.enqueue({
      path: this.path,
      kind: 'load',
      name: names.join(','),
      args: null,
      exec: () => {
        const target = this.target();
        if (target === null) return;
        for (const name of names) {
          if (name === 'isNullObject') continue;
          this.loadOne(target, name);
        }
      },
    });
    return this;
  }

  /** @internal load one (possibly nested "a/b") property: readable once the sync succeeds. */
  protected loadOne(target: T, name: string): void {
    const value = this.read(target, name);
    this.context.stage({ path: this.path, name, value, commit: () => this.loaded.set(name, value) });
  }

  protected prop<V>(name: string): V {
    if (this.settledNull === true) {
      throw new SimOfficeError(SIM_ERROR.invalidObjectPath, `The object is a null object; check isNullObject before reading '${name}'.`, { errorLocation: this.path });
    }
    if (!this.loaded.has(name)) throw propertyNotLoaded(name, this.path);
    return this.loaded.get(name) as V;
  }

  protected queueSet(name: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue({ path: this.path, kind: 'set', name, args: value, exec: () => {
      const target = this.target();
      if (target !== null) apply(target);
    } });
  }

  protected queueCall(name: string, args: unknown, apply: (target: T) => void): void {
    this.context.enqueue({ path: this.path, kind: 'call', name, args, exec: () => {
      const target = this.target();
      if (target !== null) apply(target);
    } });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

