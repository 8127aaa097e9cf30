// Starts the shared real services (Chroma server) once for the whole test run; see tests/setup/*.
export default async function setup(): Promise<void> {}
