// `npm run schema`: writes packages/sdk/config.schema.json, the JSON Schema of the config, from the
// TypeScript types (packages/sdk/src/pure/config/*.ts): one source of truth, their JSDoc becomes the
// docs editors show on hover. `--stdout` prints it instead (the unit test compares the two, so the
// committed schema can never drift from the types).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createGenerator } from 'ts-json-schema-generator'

const root = fileURLToPath(new URL('..', import.meta.url))
export const schemaFile = root + 'packages/sdk/config.schema.json'

/** Keywords VS Code reads besides the standard ones, derived from our own `@expected` tag. */
function forEditors(node) {
  if (!node || typeof node != 'object') return
  if (node.pattern && node.expected) node.patternErrorMessage = 'Expected ' + node.expected
  for (const value of Object.values(node)) forEditors(value)
}

export function generateSchema() {
  const schema = createGenerator({
    path: root + 'packages/sdk/src/pure/config/types.ts',
    tsconfig: root + 'tsconfig.json',
    type: 'Config',
    // Objects are closed (a typo is an error) unless their type has an index signature: the theme's
    // custom properties and the conditions' property names.
    additionalProperties: false,
    // `tsc --noEmit` type-checks the same files already; skipping it here halves the time.
    skipTypeCheck: true,
    // VS Code renders markdownDescription, so `code` in the JSDoc shows as code on hover.
    markdownDescription: true,
    // Our own: the validator's wording of what a field expects and how to fix it.
    extraTags: ['expected', 'hint'],
  }).createSchema('Config')
  schema.$id = 'https://unpkg.com/@hetki/sdk/config.schema.json'
  schema.title = 'Hetki config'
  forEditors(schema)
  return JSON.stringify(schema, null, 2) + '\n'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generateSchema()
  if (process.argv.includes('--stdout')) process.stdout.write(text)
  else writeFileSync(schemaFile, text)
}
