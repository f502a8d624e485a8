const NUMBER_OR_WORD = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
const ESCAPE = /["\\/bfnrt]|u[\da-fA-F]{4}/y

/**
 * Where the first JSON syntax error is, as line and column (1-based), or undefined when the text
 * is valid JSON. JSON.parse says it only sometimes ("Unexpected token '}'" carries no position in
 * Node 20), and a product manager with a 300-line config needs the line.
 */
export function syntaxErrorAt(text: string): { line: number; column: number } | undefined {
  let i = 0
  const fail = (): never => {
    throw i
  }
  const space = () => {
    while (' \t\n\r'.includes(text[i] || 'x')) i++
  }
  const expect = (c: string) => (text[i] === c ? i++ : fail())
  const string = () => {
    expect('"')
    for (;;) {
      const c = text[i]
      if (c === undefined || c < ' ') fail()
      i++
      if (c === '"') return
      if (c === '\\') {
        ESCAPE.lastIndex = i
        if (!ESCAPE.test(text)) fail()
        i = ESCAPE.lastIndex
      }
    }
  }
  /** The items of an object or array, from after its opening bracket to after its closing one. */
  const items = (close: string, item: () => void) => {
    space()
    if (text[i] === close) return void i++
    for (;;) {
      item()
      space()
      if (text[i] === ',') i++
      else return void expect(close)
    }
  }
  const value = (): void => {
    space()
    const c = text[i]
    // Byte trick: comma operators: step past the bracket and read the items in one return.
    if (c === '{') return (i++, items('}', () => (space(), string(), space(), expect(':'), value())))
    if (c === '[') return (i++, items(']', value))
    if (c === '"') return string()
    NUMBER_OR_WORD.lastIndex = i
    if (!NUMBER_OR_WORD.test(text)) fail()
    i = NUMBER_OR_WORD.lastIndex
  }
  try {
    value()
    space()
    if (i < text.length) fail()
    return undefined
  } catch (at) {
    const before = text.slice(0, at as number).split('\n')
    return { line: before.length, column: before[before.length - 1]!.length + 1 }
  }
}
