// A module resolution hook for scripts/api-types.mjs. openapi-typescript builds its output with the
// TypeScript 5 compiler API, which TypeScript 7 (the compiler this app type-checks with) no longer
// ships; so its imports of "typescript" resolve to the TypeScript 5 installed as "typescript-5".
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/')) {
    return next('typescript-5', context);
  }
  return next(specifier, context);
}
