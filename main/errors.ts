// Transitional: main/pipeline and main/providers (rewritten on other branches) still import AppError from
// here. The error types live in ./shared/errors; delete this file once those folders import from there.
export * from './shared/errors';
