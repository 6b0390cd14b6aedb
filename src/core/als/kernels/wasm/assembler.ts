/**
 * A small WebAssembly assembler: just enough of the binary format (core spec 2.0 with the
 * 128-bit SIMD proposal) to write recflow's kernels from TypeScript, since no `.wat` tool
 * runs at build time here. Functions are written as stack-machine code through `Code`'s
 * methods, one method per instruction, named after the text format (`f64x2.mul` →
 * `f64x2Mul`). Reference: https://webassembly.github.io/spec/core/binary/
 */

export const i32 = 0x7f;
export const f32 = 0x7d;
export const f64 = 0x7c;
export const v128 = 0x7b;
export type ValueType = typeof i32 | typeof f32 | typeof f64 | typeof v128;

/** A growable byte buffer: modules of the rank-50 kernels run to a few hundred kilobytes. */
class Bytes {
  private data = new Uint8Array(1024);
  length = 0;

  push(...bytes: number[]): void {
    for (const byte of bytes) this.byte(byte);
  }

  byte(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint8Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  append(other: Bytes | number[]): void {
    if (Array.isArray(other)) {
      this.push(...other);
      return;
    }
    for (let i = 0; i < other.length; i++) this.byte(other.data[i]);
  }

  toArray(): Uint8Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}

/** Unsigned LEB128, the format's variable-length integers. */
function unsignedLeb(value: number, out: Bytes | number[]): void {
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
}

/** Signed LEB128 of a 32-bit integer. */
function signedLeb(value: number, out: Bytes): void {
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

const float64Bytes = new Uint8Array(8);
const float64View = new DataView(float64Bytes.buffer);

/** Natural alignment (log2 of bytes) of each access width, for the memarg immediates. */
const alignOf = { 4: 2, 8: 3, 16: 4 } as const;

/** The body of one function: locals, then instructions appended by the methods below. */
export class Code {
  readonly bytes = new Bytes();
  private readonly localTypes: ValueType[] = [];

  constructor(
    readonly params: ValueType[],
    readonly results: ValueType[],
  ) {}

  /** Declares a local and returns its index (after the parameters). */
  local(type: ValueType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  /** The function body as the code section stores it: local declarations, code, `end`. */
  encode(out: Bytes): void {
    const body = new Bytes();
    unsignedLeb(this.localTypes.length, body);
    for (const type of this.localTypes) body.push(1, type);
    body.append(this.bytes);
    body.byte(0x0b);
    unsignedLeb(body.length, out);
    out.append(body);
  }

  private op(...bytes: number[]): this {
    this.bytes.push(...bytes);
    return this;
  }

  private simd(opcode: number): this {
    this.bytes.push(0xfd);
    unsignedLeb(opcode, this.bytes);
    return this;
  }

  private memory(offset: number, width: 4 | 8 | 16): this {
    this.bytes.push(alignOf[width]);
    unsignedLeb(offset, this.bytes);
    return this;
  }

  // variables
  get(index: number): this {
    this.bytes.push(0x20);
    unsignedLeb(index, this.bytes);
    return this;
  }
  set(index: number): this {
    this.bytes.push(0x21);
    unsignedLeb(index, this.bytes);
    return this;
  }
  tee(index: number): this {
    this.bytes.push(0x22);
    unsignedLeb(index, this.bytes);
    return this;
  }

  // control: blocks take no values and leave none (block type 0x40)
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  if(): this {
    return this.op(0x04, 0x40);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  /** Branches to the `depth`-th enclosing block (0 = innermost); a loop's label is its start. */
  br(depth: number): this {
    return this.op(0x0c, depth);
  }
  brIf(depth: number): this {
    return this.op(0x0d, depth);
  }
  return(): this {
    return this.op(0x0f);
  }
  select(): this {
    return this.op(0x1b);
  }
  /** Calls the module's function number `index` (its position in assembleModule's list). */
  call(index: number): this {
    this.bytes.byte(0x10);
    unsignedLeb(index, this.bytes);
    return this;
  }

  // i32
  i32Const(value: number): this {
    this.bytes.push(0x41);
    signedLeb(value, this.bytes);
    return this;
  }
  i32Load(offset = 0): this {
    return this.op(0x28).memory(offset, 4);
  }
  i32Store(offset = 0): this {
    return this.op(0x36).memory(offset, 4);
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Shl(): this {
    return this.op(0x74);
  }
  i32LtU(): this {
    return this.op(0x49);
  }
  i32GeU(): this {
    return this.op(0x4f);
  }
  i32GeS(): this {
    return this.op(0x4e);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }

  // f32
  f32Load(offset = 0): this {
    return this.op(0x2a).memory(offset, 4);
  }
  f32Store(offset = 0): this {
    return this.op(0x38).memory(offset, 4);
  }
  f32Add(): this {
    return this.op(0x92);
  }
  f32Sub(): this {
    return this.op(0x93);
  }
  f32Mul(): this {
    return this.op(0x94);
  }
  f64PromoteF32(): this {
    return this.op(0xbb);
  }
  f32DemoteF64(): this {
    return this.op(0xb6);
  }

  // f64
  f64Const(value: number): this {
    float64View.setFloat64(0, value, true);
    this.bytes.byte(0x44);
    for (const byte of float64Bytes) this.bytes.byte(byte);
    return this;
  }
  f64Load(offset = 0): this {
    return this.op(0x2b).memory(offset, 8);
  }
  f64Store(offset = 0): this {
    return this.op(0x39).memory(offset, 8);
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  f64Sub(): this {
    return this.op(0xa1);
  }
  f64Mul(): this {
    return this.op(0xa2);
  }
  f64Div(): this {
    return this.op(0xa3);
  }
  f64Abs(): this {
    return this.op(0x99);
  }
  f64Sqrt(): this {
    return this.op(0x9f);
  }
  /** Like Math.max: NaN if either is NaN. */
  f64Max(): this {
    return this.op(0xa5);
  }
  f64ConvertI32S(): this {
    return this.op(0xb7);
  }
  f64Neg(): this {
    return this.op(0x9a);
  }
  f64Gt(): this {
    return this.op(0x64);
  }
  f64Lt(): this {
    return this.op(0x63);
  }

  // v128 as two f64 lanes
  v128Load(offset = 0): this {
    return this.simd(0x00).memory(offset, 16);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).memory(offset, 16);
  }
  /** Loads one f64 and copies it into both lanes. */
  v128Load64Splat(offset = 0): this {
    return this.simd(0x0a).memory(offset, 8);
  }
  v128Zero(): this {
    this.simd(0x0c);
    for (let i = 0; i < 16; i++) this.bytes.byte(0);
    return this;
  }
  f64x2Splat(): this {
    return this.simd(0x14);
  }
  /** Loads one f32 and copies it into all four lanes. */
  v128Load32Splat(offset = 0): this {
    return this.simd(0x09).memory(offset, 4);
  }
  f32x4Splat(): this {
    return this.simd(0x13);
  }
  f32x4ExtractLane(lane: 0 | 1 | 2 | 3): this {
    this.simd(0x1f);
    this.bytes.byte(lane);
    return this;
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Sub(): this {
    return this.simd(0xe5);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  f64x2ExtractLane(lane: 0 | 1): this {
    this.simd(0x21);
    this.bytes.push(lane);
    return this;
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Sub(): this {
    return this.simd(0xf1);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }
  /** Relaxed SIMD: a·b + c, fused or not as the engine chooses (always the same on one CPU). */
  f64x2RelaxedMadd(): this {
    return this.simd(0x107);
  }
}

/** An exported function of a module. */
export interface ExportedFunction {
  name: string;
  code: Code;
}

function section(out: Bytes, id: number, content: Bytes): void {
  out.byte(id);
  unsignedLeb(content.length, out);
  out.append(content);
}

function vector(out: Bytes, count: number, item: (index: number) => void): void {
  unsignedLeb(count, out);
  for (let index = 0; index < count; index++) item(index);
}

function name(out: Bytes, text: string): void {
  const bytes = new TextEncoder().encode(text);
  unsignedLeb(bytes.length, out);
  for (const byte of bytes) out.byte(byte);
}

/**
 * A module that imports its memory as `env.memory` and exports `functions`. A shared memory
 * must declare a maximum: 65,536 pages, all of wasm32's 4 GiB, so any memory satisfies it.
 */
export function assembleModule(
  functions: ExportedFunction[],
  sharedMemory: boolean,
): Uint8Array<ArrayBuffer> {
  const module = new Bytes();
  module.push(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);

  const types = new Bytes();
  vector(types, functions.length, (index) => {
    const { params, results } = functions[index].code;
    types.byte(0x60);
    vector(types, params.length, (i) => types.byte(params[i]));
    vector(types, results.length, (i) => types.byte(results[i]));
  });
  section(module, 1, types);

  const imports = new Bytes();
  vector(imports, 1, () => {
    name(imports, 'env');
    name(imports, 'memory');
    imports.byte(0x02);
    if (sharedMemory) {
      imports.push(0x03, 0);
      unsignedLeb(65536, imports);
    } else {
      imports.push(0x00, 0);
    }
  });
  section(module, 2, imports);

  const declarations = new Bytes();
  vector(declarations, functions.length, (index) => {
    unsignedLeb(index, declarations);
  });
  section(module, 3, declarations);

  const exports = new Bytes();
  vector(exports, functions.length, (index) => {
    name(exports, functions[index].name);
    exports.byte(0x00);
    unsignedLeb(index, exports);
  });
  section(module, 7, exports);

  const bodies = new Bytes();
  vector(bodies, functions.length, (index) => {
    functions[index].code.encode(bodies);
  });
  section(module, 10, bodies);
  return module.toArray();
}
