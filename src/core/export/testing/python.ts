import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Checks of generated Python for tests: compiling it with `python3 -m py_compile`, reading
 * the keyword arguments of a call, and running it against a stand-in `pyspark` that records
 * every call, for machines without Spark. Tests that need python3 skip, visibly, without it.
 */

/** Whether `python3` runs here. */
export const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Says once, on the test output, that the Python checks are skipped. */
export function warnWithoutPython(what: string): void {
  if (!hasPython) console.warn(`python3 is not on PATH: skipping ${what}.`);
}

/** Compiles a script with `python3 -m py_compile`; the compiler's complaint, or null. */
export function compileError(script: string): string | null {
  const folder = mkdtempSync(join(tmpdir(), 'recflow-py-'));
  try {
    const path = join(folder, 'job.py');
    writeFileSync(path, script);
    const result = spawnSync('python3', ['-m', 'py_compile', path], { encoding: 'utf8' });
    return result.status === 0 ? null : `${result.stderr}${result.stdout}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The keyword arguments of the first `name(` call in a script written one per line, as
 * `{ rank: '10', userCol: '"user"' }`, and the setters chained after its `)`
 * (`.setPredictionCol("prediction")` as `{ setPredictionCol: '"prediction"' }`).
 */
export function keywordArguments(
  script: string,
  name: string,
): { keywords: Record<string, string>; setters: Record<string, string> } {
  const start = script.indexOf(`= ${name}(\n`);
  if (start < 0) throw new Error(`no \`${name}(\` call in the script`);
  const end = script.indexOf('\n    )', start);
  const lines = script.slice(script.indexOf('\n', start) + 1, end).split('\n');
  const keywords = Object.fromEntries(
    lines.map((line) => {
      const match = /^\s+(\w+)=(.*),$/.exec(line);
      if (match === null) throw new Error(`not a keyword argument: ${line}`);
      return [match[1], match[2]];
    }),
  );
  const closing = script.slice(end + '\n    )'.length, script.indexOf('\n', end + 1));
  const setters = Object.fromEntries(
    [...closing.matchAll(/\.(set\w+)\((.*?)\)/g)].map((match) => [match[1], match[2]]),
  );
  return { keywords, setters };
}

/** One call the stand-in pyspark saw: what was called, and its arguments as Python repr. */
export interface FakeSparkCall {
  name: string;
  args: string[];
  kwargs: Record<string, string>;
}

/**
 * A `pyspark` whose every object answers every attribute, call, index and operator with
 * another such object, naming the path it was reached by (`spark.read.csv().randomSplit`),
 * and logs each call; a DataFrame's `columns` are eight names made the same way. ALS and
 * the evaluators take only the keywords PySpark 3's constructors take. The script's own
 * Python runs for real: argparse, the helper functions, the order of statements, the names
 * they use. What Spark would compute is not checked.
 */
const fakeSpark = `import atexit, json, os

calls = []


class Fake:
    def __init__(self, name):
        self._name = name

    def __getattr__(self, attribute):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        # A DataFrame's column names: eight, each naming where it was read.
        if attribute == "columns":
            return ["%s.columns[%d]" % (self._name, index) for index in range(8)]
        if attribute == "dtypes":
            return [(name, "int") for name in self.columns]
        return Fake("%s.%s" % (self._name, attribute))

    def __call__(self, *args, **kwargs):
        calls.append({
            "name": self._name,
            "args": [repr(arg) for arg in args],
            "kwargs": {key: repr(value) for key, value in kwargs.items()},
        })
        return Fake("%s()" % self._name)

    def __getitem__(self, key):
        return Fake("%s[%r]" % (self._name, key))

    def __iter__(self):
        return iter([self[0], self[1]])

    def __len__(self):
        return 2

    def __contains__(self, item):
        return True

    def __repr__(self):
        return self._name

    def _operator(self, *other):
        return Fake("(%s op %s)" % (self._name, other))

    __add__ = __radd__ = __sub__ = __rsub__ = __le__ = __lt__ = __ge__ = __gt__ = _operator


atexit.register(lambda: open(os.environ["FAKE_SPARK_LOG"], "w").write(json.dumps(calls)))
`;

/** Stands in for a class whose constructor takes only these keywords, as PySpark's do. */
const keywordOnly = (name: string, keywords: string[]) => `def ${name}(**kwargs):
    unknown = sorted(set(kwargs) - set(${JSON.stringify(keywords)}))
    if unknown:
        raise TypeError("${name}() got unexpected keyword arguments %s" % unknown)
    return Fake("${name}")(**kwargs)
`;

/** The keywords of PySpark 3's constructors the export calls. */
export const pysparkConstructors = {
  ALS: [
    'rank',
    'maxIter',
    'regParam',
    'numUserBlocks',
    'numItemBlocks',
    'implicitPrefs',
    'alpha',
    'userCol',
    'itemCol',
    'seed',
    'ratingCol',
    'nonnegative',
    'checkpointInterval',
    'intermediateStorageLevel',
    'finalStorageLevel',
    'coldStartStrategy',
    'blockSize',
  ],
  RegressionEvaluator: ['predictionCol', 'labelCol', 'metricName', 'weightCol', 'throughOrigin'],
  RankingEvaluator: ['predictionCol', 'labelCol', 'metricName', 'k'],
};

const fakeModules: Record<string, string> = {
  'pyspark/__init__.py': fakeSpark,
  'pyspark/sql/__init__.py':
    'from pyspark import Fake\n\n' +
    'SparkSession = Fake("SparkSession")\nWindow = Fake("Window")\nfunctions = Fake("F")\n',
  'pyspark/ml/__init__.py': '',
  'pyspark/ml/recommendation.py': [
    'from pyspark import Fake\n\n',
    keywordOnly('ALS', pysparkConstructors.ALS),
  ].join('\n'),
  'pyspark/ml/evaluation.py': [
    'from pyspark import Fake\n\n',
    keywordOnly('RegressionEvaluator', pysparkConstructors.RegressionEvaluator),
    keywordOnly('RankingEvaluator', pysparkConstructors.RankingEvaluator),
  ].join('\n'),
};

/** Runs a script against the stand-in pyspark; its exit status, output and the calls made. */
export function runWithFakeSpark(script: string, args: string[] = []) {
  const folder = mkdtempSync(join(tmpdir(), 'recflow-fake-spark-'));
  try {
    for (const [path, source] of Object.entries(fakeModules)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), source);
    }
    writeFileSync(join(folder, 'job.py'), script);
    const log = join(folder, 'calls.json');
    const result = spawnSync('python3', [join(folder, 'job.py'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: folder, FAKE_SPARK_LOG: log },
    });
    const calls: FakeSparkCall[] = result.status === 0 ? JSON.parse(readFileSync(log, 'utf8')) : [];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
